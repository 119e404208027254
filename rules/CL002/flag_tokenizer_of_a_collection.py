# A tokenizer taken out of a collection named for tokenizers (an ensemble of reward models, one tokenizer each):
# the render of the first one's template, tokenized again by it with special tokens on.
from transformers import AutoTokenizer

RM_NAMES = ["meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.2-3B-Instruct"]


class RewardEnsemble:
    def __init__(self):
        self.rm_tokenizers = [AutoTokenizer.from_pretrained(name) for name in RM_NAMES]


def score(ensemble, conversations):
    texts = [ensemble.rm_tokenizers[0].apply_chat_template(c, tokenize=False) for c in conversations]
    return [ensemble.rm_tokenizers[0].encode_plus(text, truncation=True) for text in texts]  # expect: CL002 "`text` is rendered by `ensemble.rm_tokenizers[0].apply_chat_template"
