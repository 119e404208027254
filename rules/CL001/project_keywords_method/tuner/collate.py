from .config import ChatFormat


class SFTCollator:
    def __init__(self, tokenizer, chat_format: ChatFormat):
        self.tokenizer = tokenizer
        self.chat_format = chat_format

    def __call__(self, rows):
        texts = [
            self.tokenizer.apply_chat_template(  # expect: CL001 "the `add_generation_prompt` that `ChatFormat.chat_template_kwargs()` returns"
                row["messages"],
                tokenize=False,
                **self.chat_format.chat_template_kwargs(),
            )
            for row in rows
        ]
        batch = self.tokenizer(
            texts,
            add_special_tokens=False,
            truncation=True,
            max_length=self.chat_format.max_length,
            padding=True,
            return_tensors="pt",
        )
        batch["labels"] = batch["input_ids"].masked_fill(batch["attention_mask"] == 0, -100)
        return batch


def build_prompt(tokenizer, question: str, chat_format: ChatFormat) -> str:
    messages = [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, tokenize=False, **chat_format.chat_template_kwargs())
