# fix: unsafe
class SFTCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        rows = []
        for example in examples:
            ids = self.tokenizer.apply_chat_template(example["messages"], return_dict=False)
            if len(ids) > 1:
                prompt = self.tokenizer.apply_chat_template(
                    example["messages"][:-1],
                    return_dict=False,
                )
                labels = [-100] * len(prompt) + ids[len(prompt) :]
                rows.append({"input_ids": ids, "labels": labels})
        return rows
