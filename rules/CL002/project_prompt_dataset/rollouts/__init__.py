from .datasets import ConfiguredPromptDataset, PromptDataset, RawPromptDataset
