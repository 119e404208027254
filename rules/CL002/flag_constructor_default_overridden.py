# The twin of quiet_constructor_default_kept.py: one construction passes a checkpoint from the command line, so the
# default is not all that runs and any model may; one whose template writes a BOS gets two.
import argparse

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
        inputs = self.processor(text=prompts, images=images, return_tensors="pt", padding=True)  # expect: CL002 "`prompts` holds texts rendered by"
        return self.backbone.generate(**inputs, max_new_tokens=32)


def sweep(questions, images):
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=MODEL_NAME)
    args = parser.parse_args()
    PrunedLlava(keep_k=64).answer(questions, images)
    PrunedLlava(keep_k=576, model_name=args.model).answer(questions, images)
