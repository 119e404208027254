# Supervised fine-tuning datasets: the labels of each conversation's context are masked.
from torch.utils.data import Dataset

from .chat_format import ChatFormatter

IGNORE_INDEX = -100


class ChatSFTDataset(Dataset):
    def __init__(self, rows, formatter: ChatFormatter):
        self.rows = rows
        self.fmt = formatter

    def __len__(self):
        return len(self.rows)

    def _labels(self, input_ids, n_context):
        labels = list(input_ids)
        labels[:n_context] = [IGNORE_INDEX] * n_context
        return labels

    def __getitem__(self, index):
        conversation = self.rows[index]["messages"]
        input_ids = self.fmt.encode_conversation(conversation)
        n_context = len(self.fmt.encode_context(conversation[:-1]))  # expect: CL003 "through the wrapper `ChatFormatter.encode_context`"
        return {"input_ids": input_ids, "labels": self._labels(input_ids, n_context)}


class PromptMaskedDataset(ChatSFTDataset):
    def __getitem__(self, index):
        conversation = self.rows[index]["messages"]
        input_ids = self.fmt.encode_conversation(conversation)
        n_prompt = len(self.fmt.encode_prompt(conversation[:-1]))
        return {"input_ids": input_ids, "labels": self._labels(input_ids, n_prompt)}
