# A factory of the module returns a function it defines that renders the messages it is given, with the generation
# prompt its caller asks for; a collator asks for it and renders the whole conversation, reply included.
def make_renderer(tokenizer, add_generation_prompt=False):
    def render(messages):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    return render


class Collator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.render = make_renderer(tokenizer, add_generation_prompt=True)
        self.render_text = make_renderer(tokenizer)

    def __call__(self, rows):
        texts = [self.render(row["messages"] + [{"role": "assistant", "content": row["reply"]}]) for row in rows]  # expect: CL001 "made by `make_renderer`"
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch

    def fixed(self, rows):
        texts = [self.render_text(row["messages"] + [{"role": "assistant", "content": row["reply"]}]) for row in rows]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
