# versions: transformers>=5
# The twins: code that tests the kind of the result and takes the ids out of a mapping, and an assert on ids asked
# for as a list.
class ChatTokenizer:
    def __init__(self, hf_tokenizer):
        self._hf = hf_tokenizer

    def encode_chat(self, messages):
        result = self._hf.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)
        if not isinstance(result, list):
            result = result["input_ids"]
        return result

    def encode_listed(self, messages):
        result = self._hf.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        assert isinstance(result, list)
        return result

    def encode_either(self, messages):
        # (the other path takes the ids out of the mapping instead of raising)
        tokens = self._hf.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)
        if isinstance(tokens, list):
            return tokens
        return tokens["input_ids"]
