# The same helpers where no second BOS is added. Quiet: the helper turns special tokens off itself; the caller
# passes `add_special_tokens=False` for the helper's flag (also to one with a fallback call that does not pass it), or
# leaves it to a helper that decides by the text; the text given to the helper was never rendered.
from chatkit import encode, encode_with
from chatkit.tokenization import encode_guarded, encode_plain, num_tokens


def preprocess_plain(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"input_ids": encode_plain(tokenizer, text)}


def preprocess_off(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"input_ids": encode_with(tokenizer, text, add_special_tokens=False)}


def pretraining_document(example, tokenizer):
    return {"input_ids": encode(tokenizer, example["text"])}



def preprocess_guarded(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"input_ids": encode_guarded(tokenizer, text, add_special_tokens=False), "auto": encode_guarded(tokenizer, text)}


def within_budget(example, tokenizer, max_length=4096):
    # the helper only counts: a second BOS changes the count by one, the ids trained on are tokenized without it
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    if num_tokens(tokenizer, text) > max_length:
        return None
    return {"input_ids": encode_plain(tokenizer, text)}
