from .base import PromptRenderer


class Llama31Renderer(PromptRenderer):
    def encode_prompt(self, messages, tools):
        return self.tokenizer.apply_chat_template(
            messages, tools=tools, add_generation_prompt=True, return_dict=False, date_string="26 Jul 2024"
        )
