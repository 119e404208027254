# The template method looked up by name before rendering (code that serves tokenizers with or without a chat
# template): its text is tokenized again with special tokens on.
class InferenceServer:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def _chat_prompt(self, messages):
        apply_template = getattr(self.tokenizer, "apply_chat_template", None)
        if callable(apply_template):
            return apply_template(list(messages), tokenize=False, add_generation_prompt=True)
        return "".join(f"{m['role']}: {m['content']}\n" for m in messages) + "assistant: "

    def generate(self, messages, max_new_tokens=256):
        prompt = self._chat_prompt(messages)
        encoded = self.tokenizer(prompt, return_tensors="pt")  # expect: CL002 "(the wrapper `InferenceServer._chat_prompt`)"
        return self.model.generate(**encoded, max_new_tokens=max_new_tokens)
