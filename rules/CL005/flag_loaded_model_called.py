# A model the module loads, called on the result by a name that does not say "model": its first parameter is
# `input_ids`, and a `BatchEncoding` is not a tensor of ids.
import torch
from transformers import AutoModel, AutoModelForSequenceClassification, AutoTokenizer

rm = AutoModel.from_pretrained("RLHFlow/ArmoRM-Llama3-8B-v0.1", trust_remote_code=True)
rm = rm.to("cuda")
rm_tokenizer = AutoTokenizer.from_pretrained("RLHFlow/ArmoRM-Llama3-8B-v0.1")


def embed(messages):
    conv = rm_tokenizer.apply_chat_template(messages, tokenize=True, return_tensors="pt").to("cuda")  # expect: CL005 "`rm(conv)`, which takes it as `input_ids`"
    with torch.no_grad():
        return rm(conv).last_hidden_state[0][-1]


def score(path, messages):
    scorer = AutoModelForSequenceClassification.from_pretrained(path).eval()
    ids = rm_tokenizer.apply_chat_template(messages, return_tensors="pt")  # expect: CL005 "`scorer(ids)`, which takes it as `input_ids`"
    return scorer(ids).logits
