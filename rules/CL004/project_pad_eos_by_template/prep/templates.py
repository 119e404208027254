# The project's prompt templates. Fetching one also fixes the tokenizer it is handed: a tokenizer without a pad
# token (Llama 3 has none) pads with its EOS token from then on. Nothing here masks labels.


class Template:
    def __init__(self, name, eos_word=None):
        self.name = name
        self.eos_word = eos_word

    def fix_special_tokens(self, tokenizer):
        if self.eos_word is not None:
            tokenizer.add_special_tokens({"eos_token": self.eos_word})
        if tokenizer.pad_token_id is None:
            tokenizer.pad_token = tokenizer.eos_token


class Formatter:
    def __init__(self, name):
        self.name = name

    def add_padding(self, tokenizer):
        if tokenizer.pad_token_id is None:
            tokenizer.add_special_tokens({"pad_token": "<|pad|>"})


TEMPLATES = {"llama3": Template("llama3"), "plain": Template("plain", eos_word="</s>")}


def get_template_and_fix_tokenizer(tokenizer, name):
    template = TEMPLATES[name]
    template.fix_special_tokens(tokenizer)
    return template


def get_formatter(tokenizer, name):
    formatter = Formatter(name)
    formatter.add_padding(tokenizer)
    return formatter
