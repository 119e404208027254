# The twin of flag_tokenizer_of_a_collection.py: the render tokenized with special tokens off, and a collection
# whose name says nothing of tokenizers (`self.encoders[0]`, which may be anything).
from transformers import AutoTokenizer

RM_NAMES = ["meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.2-3B-Instruct"]


class RewardEnsemble:
    def __init__(self):
        self.rm_tokenizers = [AutoTokenizer.from_pretrained(name) for name in RM_NAMES]
        self.encoders = []


def score(ensemble, conversations):
    texts = [ensemble.rm_tokenizers[0].apply_chat_template(c, tokenize=False) for c in conversations]
    ensemble.encoders[0](texts)
    return [ensemble.rm_tokenizers[0].encode_plus(text, add_special_tokens=False) for text in texts]
