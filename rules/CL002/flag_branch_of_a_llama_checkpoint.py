# A reward model class that dispatches on the checkpoint's name: in the branch for a Llama 3 checkpoint its
# template writes the BOS the tokenizer adds again; the branches for Qwen checkpoints (ChatML, no BOS) are fine.
from transformers import AutoModel, AutoTokenizer


class RewardModel:
    def __init__(self, model_name):
        self.model_name = model_name
        self.tokenizer = AutoTokenizer.from_pretrained(model_name)
        self.model = AutoModel.from_pretrained(model_name)

    def score(self, messages):
        if self.model_name == "RLHFlow/ArmoRM-Llama3-8B-v0.1":
            conversation = self.tokenizer.apply_chat_template(messages, tokenize=False)
            return self.model(self.tokenizer.encode(conversation, return_tensors="pt"))  # expect: CL002 "`conversation` is rendered"
        elif self.model_name == "Qwen/Qwen2.5-Math-PRM-7B":
            conversation = self.tokenizer.apply_chat_template(messages, tokenize=False)
            return self.model(self.tokenizer.encode(conversation, return_tensors="pt"))
        elif self.model_name in ("Qwen/Qwen2.5-Math-RM-72B", "Qwen/Qwen2-7B-Instruct"):
            texts = [self.tokenizer.apply_chat_template(messages, tokenize=False)]
            return self.model(**self.tokenizer(texts, return_tensors="pt"))
        raise ValueError(self.model_name)
