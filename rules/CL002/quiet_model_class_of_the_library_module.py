# A vision model built through the library's module (`import transformers`, then `transformers.Qwen3VL...`): a Qwen3-VL
# checkpoint of another vendor's name, whose ChatML template writes no BOS, so the processor's second pass adds none.
import transformers

DEFAULT_MODEL = "nvidia/Cosmos-Reason2-2B"


class VideoReasoner:
    def __init__(self, model_id=DEFAULT_MODEL):
        self.model = transformers.Qwen3VLForConditionalGeneration.from_pretrained(model_id)
        self.processor = transformers.AutoProcessor.from_pretrained(model_id)

    def answer(self, question):
        messages = [{"role": "user", "content": [{"type": "text", "text": question}]}]
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.processor(text=[text], return_tensors="pt")
        return self.model.generate(**inputs)
