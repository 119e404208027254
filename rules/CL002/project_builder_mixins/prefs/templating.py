class PromptTemplating:
    tokenizer = None

    def prompt_text(self, turns):
        return self.tokenizer.apply_chat_template(turns, tokenize=False, add_generation_prompt=True)


class BarePromptTemplating:
    tokenizer = None

    def prompt_text(self, turns):
        text = self.tokenizer.apply_chat_template(turns, tokenize=False, add_generation_prompt=True)
        bos = self.tokenizer.bos_token
        if bos and text.startswith(bos):
            text = text[len(bos) :]
        return text
