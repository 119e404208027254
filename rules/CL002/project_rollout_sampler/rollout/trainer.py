# The trainer knows its dataset and sampler only as what it is handed.


class GroupTrainer:
    def __init__(self, policy, tokenizer, sampler, dataset):
        self.policy = policy
        self.tokenizer = tokenizer
        self.sampler = sampler
        self.dataset = dataset

    def step(self, indices):
        batch = [self.dataset[index] for index in indices]
        groups = self.sampler.sample([item["prompt"] for item in batch])  # expect: CL002 "returned by `PromptDataset.__getitem__`"
        prompt_ids = [self.tokenizer(item["prompt"], add_special_tokens=False)["input_ids"] for item in batch]
        return groups, prompt_ids
