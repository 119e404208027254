"""The tokenizer wrapper the trainer and the collators share."""

import logging

from transformers import AutoTokenizer

logger = logging.getLogger(__name__)


class PadTokenizer:
    def __init__(self, model_id: str) -> None:
        self.hf = AutoTokenizer.from_pretrained(model_id)
        if self.hf.pad_token is None:
            logger.info("%s has no pad token, padding with %s", model_id, self.hf.eos_token)
            self.hf.pad_token = self.hf.eos_token

    @property
    def pad_token_id(self) -> int:
        return self.hf.pad_token_id

    def encode(self, text: str) -> list[int]:
        return self.hf.encode(text, add_special_tokens=False)
