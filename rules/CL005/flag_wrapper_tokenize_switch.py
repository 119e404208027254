# A wrapper that renders text by default and tokenizes when its caller says so (`tokenize=tokenize`): the callers that
# ask for ids and use them as a list are judged (no fix here: the wrapper takes no `return_dict`; it goes into its
# render).


class ChatModel:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _to_chat_prompt(self, messages, tokenize=False, return_tensors=None):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=tokenize, add_generation_prompt=True, return_tensors=return_tensors
        )

    def first_ids(self, messages):
        prompt = self._to_chat_prompt(messages, tokenize=True, return_tensors="np")  # expect: CL005 "through the wrapper `ChatModel._to_chat_prompt`"
        return prompt[0]

    def count(self, messages):
        return len(self._to_chat_prompt(messages, tokenize=True))  # expect: CL005 "`len(self._to_chat_prompt(messages, tokenize=True))`"
