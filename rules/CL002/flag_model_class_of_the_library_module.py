# The same reasoner built on Gemma 3 through the library's module: its template writes the BOS the processor adds
# again.
import transformers

DEFAULT_MODEL = "acme/vision-reasoner-4b"


class VideoReasoner:
    def __init__(self, model_id=DEFAULT_MODEL):
        self.model = transformers.Gemma3ForConditionalGeneration.from_pretrained(model_id)
        self.processor = transformers.AutoProcessor.from_pretrained(model_id)

    def answer(self, question):
        messages = [{"role": "user", "content": [{"type": "text", "text": question}]}]
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.processor(text=[text], return_tensors="pt")  # expect: CL002 "`[text]` holds texts rendered by"
        return self.model.generate(**inputs)
