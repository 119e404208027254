# Tests with a fake tokenizer whose template writes a BOS: they check what the fake does (here, that its call adds
# a BOS of its own); nothing is trained, and the template is the test's, not a model's.
class FakeTokenizer:
    bos_token = "<s>"

    def apply_chat_template(self, messages, tokenize=True, add_generation_prompt=False):
        text = self.bos_token + "".join(f"<|{m['role']}|>{m['content']}" for m in messages)
        return text + "<|assistant|>" if add_generation_prompt else text

    def __call__(self, text, add_special_tokens=True):
        return {"input_ids": ([1] if add_special_tokens else []) + [ord(c) for c in text]}


def test_the_call_adds_its_bos():
    tokenizer = FakeTokenizer()
    text = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False)
    assert tokenizer(text)["input_ids"][0] == 1
