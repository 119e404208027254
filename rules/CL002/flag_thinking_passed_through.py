# An evaluation wrapper that serves any model, thinking ones among them: `enable_thinking` is handed through from
# its configuration, which says nothing about which template renders.
from transformers import AutoTokenizer


class ChatEval:
    def __init__(self, path, enable_thinking=None):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.enable_thinking = enable_thinking

    def encode(self, messages):
        text = self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True, enable_thinking=self.enable_thinking
        )
        return self.tokenizer(text, return_tensors="pt")  # expect: CL002 "`text` is rendered by"


class EffortEval:
    # the effort handed through from a setting: any template may render
    def __init__(self, path, effort="medium"):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.effort = effort

    def encode(self, messages):
        text = self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True, reasoning_effort=self.effort
        )
        return self.tokenizer(text, return_tensors="pt")  # expect: CL002 "`text` is rendered by"
