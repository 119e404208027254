# The SFT text column: the full dialogue rendered with the generation prompt, a stray assistant header after every
# reply (the finding); the prompt for sampling rendered with it, as it should be.
from records import TrainingDialogue


class ChatFormatter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, row: dict) -> dict[str, str]:
        dialogue = TrainingDialogue.from_row(row)
        text = self.tokenizer.apply_chat_template(dialogue.as_messages(), tokenize=False, add_generation_prompt=True)  # expect: CL001 "`dialogue.as_messages()` (records.py:30)"
        return {"text": text}

    def sampling_prompt(self, row: dict) -> str:
        dialogue = TrainingDialogue.from_row(row)
        return self.tokenizer.apply_chat_template(dialogue.prompt_messages(), tokenize=False, add_generation_prompt=True)
