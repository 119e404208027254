# A test double: the module defines its own `apply_chat_template`, which builds the text itself and writes no BOS,
# so tokenizing what it renders with special tokens gives one BOS, as the test expects.
class FakeTokenizer:
    """A test double: its own template, which writes no BOS."""

    bos_token_id = 1

    def apply_chat_template(self, messages, tokenize=False, add_generation_prompt=False):
        text = "".join(f"<{m['role']}>{m['content']}</{m['role']}>" for m in messages)
        return text + "<assistant>" if add_generation_prompt else text

    def __call__(self, text):
        return {"input_ids": [self.bos_token_id, *(ord(c) for c in text)]}


def test_round_trip():
    tokenizer = FakeTokenizer()
    prompt = tokenizer.apply_chat_template(
        [{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True
    )
    assert tokenizer(prompt)["input_ids"][0] == 1
