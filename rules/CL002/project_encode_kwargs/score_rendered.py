import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from prompts import relevance_prompt
from settings import MODEL_ID, RENDERED_ENCODE_KWARGS

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained(MODEL_ID)


@torch.no_grad()
def yes_logits(query, documents):
    texts = [relevance_prompt(tokenizer, query, document) for document in documents]
    batch = tokenizer(texts, **RENDERED_ENCODE_KWARGS)
    return model(**batch).logits[:, -1, tokenizer.convert_tokens_to_ids("yes")]
