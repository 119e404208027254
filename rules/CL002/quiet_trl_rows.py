# The twins of flag_trl_rows.py: the renders of trl's row functions tokenized without special tokens, columns
# that are not renders (`completion` is what follows the prompt), and a function of the same name that is not trl's.
from trl import maybe_apply_chat_template


def tokenize_pair(example, tokenizer):
    row = maybe_apply_chat_template(example, tokenizer)
    chosen = tokenizer(row["prompt"] + row["chosen"], truncation=True, add_special_tokens=False)
    prompt_ids = tokenizer(row["prompt"], add_special_tokens=False)["input_ids"]
    return {"input_ids": chosen["input_ids"], "prompt_len": len(prompt_ids)}


def tokenize_completion(example, tokenizer):
    row = maybe_apply_chat_template(example, tokenizer)
    return tokenizer(row["completion"], truncation=True)


def apply_chat_template(example, tokenizer):
    # this module's own function of the same name: it joins the fields as plain text
    return {"text": example["question"] + "\n" + example["answer"]}


def tokenize_own(example, tokenizer):
    text = apply_chat_template(example, tokenizer)["text"]
    return tokenizer(text, truncation=True)


class PreferenceTokenizer:
    def __init__(self, tokenizer, is_encoder_decoder):
        self.tokenizer = tokenizer
        self.is_encoder_decoder = is_encoder_decoder

    def tokenize_prompt(self, example):
        row = maybe_apply_chat_template(example, self.tokenizer)
        if not self.is_encoder_decoder:
            return self.tokenizer(row["prompt"], add_special_tokens=False)
        else:
            # an encoder-decoder model (T5, BART) reads the prompt in its encoder: no chat template gives it a BOS
            return self.tokenizer(row["prompt"], add_special_tokens=True)

    def tokenize_completion(self, example):
        row = maybe_apply_chat_template(example, self.tokenizer)
        if not self.is_encoder_decoder:
            return self.tokenizer(row["prompt"] + row["completion"], add_special_tokens=False)
        # from here on an encoder-decoder model: the decoder-only path returned above
        return self.tokenizer(row["prompt"], text_target=row["completion"])
