# A render rebound as an f-string that puts it first (`f"{prompt}\n{image_token}\n"`): the text still starts with
# the template's BOS, and the engine tokenizes it with special tokens on.
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
            prompt = f"{prompt}\n{image_token}\n"
            prompts.append(prompt)
        return self.llm.generate(prompt=prompts, image_data=images, sampling_params=params)  # expect: CL002 "`prompts` holds texts rendered"

    def double_check(self, questions, images, params):
        # `str.format` on a template that puts the render first, by name or by position
        renders = [
            self.tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
            for q in questions
        ]
        template = "{chat_prompt} Looking again, the answer is: "
        prompts = [template.format(chat_prompt=render) for render in renders]
        self.llm.generate(prompt=prompts, image_data=images, sampling_params=params)  # expect: CL002 "`prompts` holds texts rendered"
        positional = ["{} Looking again: ".format(render) for render in renders]
        return self.llm.generate(prompt=positional, image_data=images, sampling_params=params)  # expect: CL002 "`positional` holds texts rendered"
