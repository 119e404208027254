class MutationPrompter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, instruction):
        messages = [{"role": "user", "content": f"Rewrite this instruction to be harder:\n{instruction}"}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
