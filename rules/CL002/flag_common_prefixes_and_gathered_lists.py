# The common start of two renders (a prompt cut where a template would change it once a reply follows), and a list
# of renders gathered from every process before the engine gets it: each text still starts with the template's BOS.
from itertools import takewhile

from accelerate.utils import gather_object
from vllm import LLM


def prompt_of(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["prompt"] + example["completion"], tokenize=False)
    return "".join(x for x, _ in takewhile(lambda pair: pair[0] == pair[1], zip(prompt, full)))


def encode_prompt(example, tokenizer):
    return tokenizer(prompt_of(example, tokenizer))["input_ids"]  # expect: CL002 "returned by `prompt_of`"


class Sampler:
    def __init__(self, model_name, tokenizer):
        self.llm = LLM(model=model_name)
        self.tokenizer = tokenizer

    def sample(self, conversations, params):
        texts = [
            self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
            for conversation in conversations
        ]
        every_text = gather_object(texts)
        return self.llm.generate(every_text, params)  # expect: CL002 "vLLM's `LLM.generate`"
