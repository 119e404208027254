# A helper that tokenizes its text with special tokens off when it knows the text is a chat render, and on for
# plain prompts: it chooses by what it knows, so its callers are not judged by its plain-prompt path.
class Session:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _encode(self, text, add_special_tokens=None):
        if not hasattr(self.tokenizer, "backend_tokenizer"):
            return self.tokenizer.encode(text)  # a simple tokenizer of its own: no switch
        kwargs = {} if add_special_tokens is None else {"add_special_tokens": add_special_tokens}
        return self.tokenizer.encode(text, **kwargs)

    def _tokenize_generation_text(self, text, request):
        if request.messages is None:
            return self._encode(text)  # a plain prompt: the tokenizer adds the BOS
        return self._encode(text, add_special_tokens=False)

    def _render(self, request):
        if request.messages is not None:
            return self.tokenizer.apply_chat_template(request.messages, tokenize=False, add_generation_prompt=True)
        return request.prompt

    def prepare(self, request):
        rendered_prompt = self._render(request)
        return self._tokenize_generation_text(rendered_prompt, request)
