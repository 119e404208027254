# versions: transformers>=5
# The result asserted to be a list of ids: from transformers 5 it is a `BatchEncoding`, and the assert fails.
class ChatTokenizer:
    def __init__(self, hf_tokenizer):
        self._hf = hf_tokenizer

    def encode_chat(self, messages, add_generation_prompt=True):
        result = self._hf.apply_chat_template(messages, add_generation_prompt=add_generation_prompt, tokenize=True)  # expect: CL005 "`assert isinstance(result, list)`, which fails for a `BatchEncoding`"
        assert isinstance(result, list)
        return result

    def encode_checked(self, messages):
        # (an `if` that raises on the other path is an assert too)
        tokens = self._hf.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)  # expect: CL005 "`isinstance(tokens, list)`, false for a `BatchEncoding`, on whose path it raises"
        if isinstance(tokens, list):
            return tokens
        raise ValueError("Invalid output type.")

    def encode_refused(self, messages):
        tokens = self._hf.apply_chat_template(messages, tokenize=True)  # expect: CL005 "on whose path it raises"
        if not isinstance(tokens, list):
            raise TypeError(type(tokens))
        return tokens
