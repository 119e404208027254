# Prompt formatters, one per model family: Llama 3's renders the chat template, the default writes an Alpaca prompt.


class Llama3Formatter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def input_prompt(self, system, instruction):
        messages = [{"role": "system", "content": system}, {"role": "user", "content": instruction}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class AlpacaFormatter:
    def input_prompt(self, system, instruction):
        return f"{system}\n\n### Instruction:\n{instruction}\n\n### Response:\n"


class PlainFormatter:
    def input_prompt(self, system, instruction):
        return f"{system}\n{instruction}\n"
