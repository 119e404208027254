# Data modules that keep the loader's tokenizer on themselves in one method and build the collator in another.
import lightning as L
from torch.utils.data import DataLoader

from .batching import RightPadCollator
from .tokenizing import load_padded_tokenizer, load_tokenizer


class ChatData(L.LightningDataModule):
    def __init__(self, rows, name=None):
        super().__init__()
        self.rows = rows
        self.tok = load_tokenizer(name) if name else load_tokenizer()

    def train_dataloader(self):
        collate = RightPadCollator(pad_id=self.tok.pad_token_id)  # expect: CL004 "comes from `load_tokenizer` (lm/tokenizing.py:9)"
        return DataLoader(self.rows, batch_size=8, collate_fn=collate)


class PaddedChatData(L.LightningDataModule):
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
        self.tok = load_padded_tokenizer()

    def train_dataloader(self):
        collate = RightPadCollator(pad_id=self.tok.pad_token_id)
        return DataLoader(self.rows, batch_size=8, collate_fn=collate)


class MixedData(L.LightningDataModule):
    # a padded tokenizer on self, the EOS-padded one only to decode samples: the collator gets the padded one
    def __init__(self, rows):
        super().__init__()
        self.rows = rows
        self.tok = load_padded_tokenizer()
        self.decoder = load_tokenizer()

    def train_dataloader(self):
        return DataLoader(self.rows, batch_size=8, collate_fn=RightPadCollator(self.tok.pad_token_id))

    def show(self, ids):
        return self.decoder.decode(ids)
