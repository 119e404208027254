# Another subclass renders its prompt with the generation prompt: the header is masked with the prompt.
from .base import PromptMaskedTrainer


class MathTrainer(PromptMaskedTrainer):
    def render_prompt(self, row):
        messages = [{"role": "user", "content": row["problem"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def render_full(self, row):
        messages = [{"role": "user", "content": row["problem"]}, {"role": "assistant", "content": row["solution"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False)
