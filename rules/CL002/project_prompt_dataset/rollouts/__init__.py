from .datasets import PromptDataset, RawPromptDataset
