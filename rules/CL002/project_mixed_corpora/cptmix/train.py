# Continued pretraining on the mixture, packed into blocks.
from functools import partial

from transformers import AutoTokenizer

from .mixture import load_mixture
from .packing import group_into_blocks, tokenize_documents, tokenize_rendered


def build(model_id, text_corpora, chat_corpora, block_size=4096, bos_by_hand=False):
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    separator_id = tokenizer.eos_token_id
    raw = load_mixture(text_corpora, chat_corpora, tokenizer)
    if bos_by_hand:
        tokenized = raw.map(partial(tokenize_rendered, tokenizer=tokenizer, separator_id=separator_id), batched=True)
    else:
        tokenized = raw.map(partial(tokenize_documents, tokenizer=tokenizer, separator_id=separator_id), batched=True)  # expect: CL002 "column `text` of `raw`"
    return tokenized.map(partial(group_into_blocks, block_size=block_size), batched=True)
