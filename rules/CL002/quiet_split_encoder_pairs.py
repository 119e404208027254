# A reward model's pair input for a DeBERTa (BERT-style) encoder: each segment is tokenized with its own
# `[CLS]`/`[SEP]` and the ids joined, which is the encoder's own pair format, not a BOS in the middle of a chat
# sequence. The module renders chat prompts for its decoder-based backbones elsewhere.
from transformers import AutoTokenizer, DebertaV2Model


class PairEncoder:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = DebertaV2Model.from_pretrained(path)
        self.source_prefix, self.candidate_prefix = "<|source|>", "<|candidate|>"

    def tokenize_pair(self, prompt, candidate, max_length=512):
        source_ids = self.tokenizer.encode(self.source_prefix + prompt, truncation=True, max_length=max_length // 2)
        candidate_ids = self.tokenizer.encode(self.candidate_prefix + candidate, truncation=True)
        return source_ids + candidate_ids


def render_for_decoder(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
