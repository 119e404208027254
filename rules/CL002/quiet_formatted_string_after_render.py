# An f-string that puts something else first (the image token before the render) starts with that, not the BOS.
import sglang as sgl

MODEL = "meta-llama/Llama-3.2-11B-Vision-Instruct"


class Captioner:
    def __init__(self, tokenizer):
        self.llm = sgl.Engine(model_path=MODEL)
        self.tokenizer = tokenizer

    def caption(self, questions, images, image_token, params):
        prompts = []
        for question in questions:
            messages = [{"role": "user", "content": question}]
            prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            prompts.append(f"{image_token}\n{prompt}")
        return self.llm.generate(prompt=prompts, image_data=images, sampling_params=params)
