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
