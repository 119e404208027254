# The twins of flag_decoded_render.py: the special tokens dropped when decoding, the BOS cut off the ids before
# decoding them, the decoded text tokenized without special tokens, and ids that are not a render's.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def clean_prompt(messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return tokenizer(tokenizer.decode(ids, skip_special_tokens=True), return_tensors="pt")


def cut_prompt(messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return tokenizer(tokenizer.decode(ids[1:]), return_tensors="pt")


def kept_prompt(messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return tokenizer(tokenizer.decode(ids), add_special_tokens=False)


def reply_text(generated_ids):
    return tokenizer(tokenizer.decode(generated_ids))


class ReplyDecoder:
    def __init__(self, model):
        self.model = model

    def _generated(self, input_ids):
        # (a helper that returns generated ids, not a render's)
        return self.model.generate(input_ids)[0]

    def reply(self, input_ids):
        return tokenizer(tokenizer.decode(self._generated(input_ids)))
