# A model class loads the checkpoint its constructor is given, LLaVA 1.5 by default, whose template writes no BOS
# (its turns start `USER: `), and every construction of the class in the run leaves that default: it is what runs,
# and the processor's tokenization adds the only BOS.
from transformers import AutoProcessor, LlavaForConditionalGeneration

MODEL_NAME = "llava-hf/llava-1.5-7b-hf"


def conversation(question):
    return [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]


class PrunedLlava:
    def __init__(self, keep_k, model_name=MODEL_NAME):
        self.keep_k = keep_k
        self.processor = AutoProcessor.from_pretrained(model_name)
        self.backbone = LlavaForConditionalGeneration.from_pretrained(model_name)

    def answer(self, questions, images):
        prompts = [
            self.processor.apply_chat_template(conversation(q), add_generation_prompt=True, tokenize=False)
            for q in questions
        ]
        inputs = self.processor(text=prompts, images=images, return_tensors="pt", padding=True)
        return self.backbone.generate(**inputs, max_new_tokens=32)


def sweep(questions, images):
    for keep_k in (64, 144, 576):
        PrunedLlava(keep_k=keep_k).answer(questions, images)
