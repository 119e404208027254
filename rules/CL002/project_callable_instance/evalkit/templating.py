# A renderer kept as a module-level instance of a class with `__call__`: importers call it like a function.


class ChatRenderer:
    def __init__(self, system_prompt=None):
        self.system_prompt = system_prompt

    def __call__(self, tokenizer, messages):
        if self.system_prompt:
            messages = [{"role": "system", "content": self.system_prompt}, *messages]
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


render_chat = ChatRenderer()
