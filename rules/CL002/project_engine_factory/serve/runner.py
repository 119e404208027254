# The runner renders each conversation as text and hands the texts to the engine, which tokenizes them again with
# special tokens on: a second BOS for templates that write one. Its twin hands the engine token ids.
from .engines import build_engine, build_params


class ChatRunner:
    def __init__(self, model_name):
        self.llm = build_engine(model_name)
        self.params = build_params()
        self.tokenizer = self.llm.get_tokenizer()

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def answer(self, conversations):
        texts = [self.render(messages) for messages in conversations]
        return self.llm.generate(texts, self.params)  # expect: CL002 "vLLM's `LLM.generate`"


class TokenRunner(ChatRunner):
    def answer(self, conversations):
        prompts = [
            {"prompt_token_ids": self.tokenizer.encode(self.render(messages), add_special_tokens=False)}
            for messages in conversations
        ]
        return self.llm.generate(prompts, self.params)
