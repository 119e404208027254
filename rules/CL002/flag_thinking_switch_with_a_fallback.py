# A generic generator turns thinking off where the template knows the switch, and renders again without it when a
# tokenizer refuses the keyword: the code serves any model (Llama 3's template ignores the switch and writes its
# BOS), and the engine tokenizes the prompts with special tokens on.
from vllm import LLM, SamplingParams


class Generator:
    def __init__(self, model_name, tokenizer):
        self.tokenizer = tokenizer
        self.llm = LLM(model=model_name)

    def _format_prompt(self, question):
        messages = [{"role": "user", "content": question}]
        kwargs = dict(add_generation_prompt=True, tokenize=False)
        try:
            return self.tokenizer.apply_chat_template(messages, enable_thinking=False, **kwargs)
        except TypeError:
            pass
        return question

    def generate(self, questions):
        prompts = [self._format_prompt(question) for question in questions]
        return self.llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "`prompts` holds texts"
