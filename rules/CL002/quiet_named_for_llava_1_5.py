# LLaVA 1.5 (and LLaVA-NeXT over Vicuna): the processor's chat template starts each turn with its role (`USER: `) and
# writes no BOS, so the processor's own BOS is the only one.
from transformers import AutoProcessor, LlavaForConditionalGeneration

MODEL_ID = "llava-hf/llava-1.5-7b-hf"


class ChartCaptioner:
    def __init__(self, model_id=MODEL_ID):
        self.processor = AutoProcessor.from_pretrained(model_id)
        self.model = LlavaForConditionalGeneration.from_pretrained(model_id)

    def inputs(self, question, image):
        conversation = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
        prompt = self.processor.apply_chat_template(conversation, add_generation_prompt=True)
        return self.processor(images=image, text=prompt, return_tensors="pt")
