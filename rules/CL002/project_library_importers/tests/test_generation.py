# A test of the library with a fake tokenizer: it loads no model.
from evalkit.generation import build_prompt


class FakeTokenizer:
    def apply_chat_template(self, messages, tokenize=False, add_generation_prompt=False):
        return "|".join(message["content"] for message in messages)


def test_build_prompt_holds_the_question():
    assert "2 + 2?" in build_prompt(FakeTokenizer(), "2 + 2?")
