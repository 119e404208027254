# A subclass renders the prompt without the generation prompt: the base masks by its length, and the assistant
# header after it is trained as part of the reply.
from .base import PromptMaskedTrainer


class TicketTrainer(PromptMaskedTrainer):
    def render_prompt(self, row):
        messages = [{"role": "user", "content": row["ticket"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False)  # expect: CL003 "in `PromptMaskedTrainer.tokenize_row` (tuning/base.py:20), which measures what `render_prompt` returns"

    def render_full(self, row):
        messages = [{"role": "user", "content": row["ticket"]}, {"role": "assistant", "content": row["reply"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False)
