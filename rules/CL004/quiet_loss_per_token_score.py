# The twin: padding is the EOS token and the loss ignores the pad id, but as a score per token (`reduction="none"`)
# of plain evaluation text, a perplexity: no training target is lost.
import torch.nn.functional as F
from transformers import AutoModelForCausalLM, AutoTokenizer


def perplexities(model_name, texts):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(model_name)
    batch = tokenizer(texts, return_tensors="pt", padding=True)
    logits = model(**batch).logits[:, :-1]
    per_token = F.cross_entropy(
        logits.transpose(1, 2), batch["input_ids"][:, 1:], ignore_index=tokenizer.pad_token_id, reduction="none"
    )
    return per_token.sum(-1) / batch["attention_mask"][:, 1:].sum(-1)
