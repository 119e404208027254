# Renders asked for a dict and read by key, or handed to a helper that spreads them into the model (annotations
# saying `Tensor` are no use of ids): the length of its `input_ids` is the number of tokens.


def build_labels(tokenizer, messages):
    enc = tokenizer.apply_chat_template(messages, return_dict=True)
    prompt = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, return_dict=True)
    prompt_len = len(prompt["input_ids"])
    return [IGNORE_INDEX] * prompt_len + enc["input_ids"][prompt_len:], prompt.keys()


class Steering:
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    def _tokenize(self, instruction) -> "torch.Tensor":  # noqa: F821
        messages = [{"role": "user", "content": instruction}]
        return self.tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )

    def _generate(self, tokens: "torch.Tensor"):  # noqa: F821
        return self.model.generate(**tokens.to("cuda"))

    def run(self, instruction):
        return self._generate(self._tokenize(instruction))
