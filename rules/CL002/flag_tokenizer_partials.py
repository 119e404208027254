# A tokenizer bound in `functools.partial` is still the tokenizer: called on rendered text with special tokens on
# (neither the partial nor the call turns them off), it adds a second BOS. TensorRT-LLM's `LLM.generate` tokenizes
# text prompts with special tokens on, like vLLM's.
import functools

from tensorrt_llm import LLM


class Judge:
    def __init__(self, tokenizer, checkpoint):
        self.tokenizer = tokenizer
        self.llm = LLM(model=checkpoint)

    def encode(self, conversations):
        texts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        tokenize = functools.partial(self.tokenizer, return_tensors="pt", padding=True)
        return tokenize(texts)  # expect: CL002 "holds texts rendered by"

    def generate(self, conversations):
        texts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.llm.generate(texts)  # expect: CL002 "TensorRT-LLM's `LLM.generate`"
