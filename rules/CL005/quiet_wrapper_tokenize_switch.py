# The twins of flag_wrapper_tokenize_switch.py: callers that keep the wrapper's text, and one that reads the
# encoding by key.


class ChatModel:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _to_chat_prompt(self, messages, tokenize=False, return_tensors=None):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=tokenize, add_generation_prompt=True, return_tensors=return_tensors
        )

    def prompt_length(self, messages):
        return len(self._to_chat_prompt(messages))

    def first_ids(self, messages):
        encoding = self._to_chat_prompt(messages, tokenize=True, return_tensors="np")
        return encoding["input_ids"][0]
