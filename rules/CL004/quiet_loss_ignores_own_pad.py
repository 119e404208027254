# The twin: the loss ignores the pad id, but the pad token is one of its own, not the EOS token.
import torch.nn.functional as F
from transformers import AutoModelForCausalLM, AutoTokenizer


def loss_with_own_pad(model_name, batch):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.add_special_tokens({"pad_token": "<|pad|>"})
    model = AutoModelForCausalLM.from_pretrained(model_name)
    logits = model(**batch).logits[:, :-1]
    return F.cross_entropy(logits.transpose(1, 2), batch["input_ids"][:, 1:], ignore_index=tokenizer.pad_token_id)
