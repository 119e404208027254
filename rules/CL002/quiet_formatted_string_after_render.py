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

    def double_check(self, questions, images, image_token, params):
        # `str.format` on a template that puts something else first, or the render under another field
        renders = [
            self.tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
            for q in questions
        ]
        template = "{image}\n{chat_prompt}"
        prompts = [template.format(image=image_token, chat_prompt=render) for render in renders]
        self.llm.generate(prompt=prompts, image_data=images, sampling_params=params)
        others = ["{0} {1}".format(image_token, render) for render in renders]
        return self.llm.generate(prompt=others, image_data=images, sampling_params=params)
