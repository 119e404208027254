# The model is visible: Llama 3's instruct template ends every turn with `<|eot_id|>`, its EOS token.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def to_text(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"text": text + tokenizer.eos_token}  # expect: CL008 "the Llama 3 chat template already ends every turn with `<|eot_id|>`, its EOS token"
