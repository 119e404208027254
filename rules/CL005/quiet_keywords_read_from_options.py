# versions: transformers>=4.40
# A processor handing its tokenizer the text keywords it merged from its options: a field of a mapping that is not
# named for template variables (`text_kwargs`) may hold `tokenize` and `return_dict` themselves, and the code reads
# them there.
class AudioChatProcessor:
    def __init__(self, tokenizer, feature_extractor):
        self.tokenizer = tokenizer
        self.feature_extractor = feature_extractor

    def apply_chat_template(self, conversations, **kwargs):
        output_kwargs = self._merge_kwargs(**kwargs)
        text_kwargs = output_kwargs["text_kwargs"]
        encoded = self.tokenizer.apply_chat_template(conversations, **text_kwargs)
        if text_kwargs.get("tokenize", False) and not text_kwargs.get("return_dict", False):
            return encoded[: len(encoded)]
        return encoded

    def _merge_kwargs(self, **kwargs):
        return {"text_kwargs": {key: value for key, value in kwargs.items() if key != "sampling_rate"}}
