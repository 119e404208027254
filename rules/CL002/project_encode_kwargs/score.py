import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from prompts import relevance_prompt
from settings import ENCODE_KWARGS, MODEL_ID

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained(MODEL_ID)


@torch.no_grad()
def yes_logits(query, documents):
    texts = [relevance_prompt(tokenizer, query, document) for document in documents]
    batch = tokenizer(texts, **ENCODE_KWARGS)  # expect: CL002 "`relevance_prompt`"
    return model(**batch).logits[:, -1, tokenizer.convert_tokens_to_ids("yes")]
