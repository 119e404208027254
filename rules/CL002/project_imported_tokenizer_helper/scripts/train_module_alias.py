# The helper called through its module (`T.encode`) and through the package that re-exports it (`encode_with`, its
# flag left at its default True): both double the BOS.
import chatkit.tokenization as T
from chatkit import encode_with


def preprocess(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"input_ids": T.encode(tokenizer, text, max_length=4096)}  # expect: CL002 "through the helper `encode`"


def preprocess_flagged(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"input_ids": encode_with(tokenizer, text)}  # expect: CL002 "through the helper `encode_with`"
