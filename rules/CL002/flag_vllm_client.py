# TRL's `VLLMClient` sends text prompts to a `trl vllm-serve` server, whose vLLM tokenizes them with special tokens on:
# a rendered prompt gets a second BOS there (hand the server the conversations, or token ids).
from trl import GRPOTrainer
from trl.extras.vllm_client import VLLMClient

# a copy of trl's client in the project (or trl's own modules): the same server
from .generation.vllm_client import VLLMClient as VendoredClient


class Rollouts:
    def __init__(self, tokenizer, host):
        self.tokenizer = tokenizer
        self.vllm_client = VLLMClient(host)

    def sample(self, batch):
        prompts = [self.tokenizer.apply_chat_template(x["prompt"], tokenize=False, add_generation_prompt=True) for x in batch]
        return self.vllm_client.generate(prompts=prompts, n=4)  # expect: CL002 "TRL's `VLLMClient.generate`"


class VendoredRollouts:
    def __init__(self, tokenizer, host):
        self.tokenizer = tokenizer
        self.client = VendoredClient(host)

    def sample(self, batch):
        prompts = [self.tokenizer.apply_chat_template(x["prompt"], tokenize=False, add_generation_prompt=True) for x in batch]
        return self.client.generate(prompts=prompts, n=4)  # expect: CL002 "TRL's `VLLMClient.generate`"


class SequenceParallelGRPOTrainer(GRPOTrainer):
    # `self.vllm_client` is the `VLLMClient` trl's trainer builds in its `__init__`
    def _generate(self, inputs):
        prompts_text = [self.processing_class.apply_chat_template(x["prompt"], tokenize=False) for x in inputs]
        return self.vllm_client.generate(prompts=prompts_text, n=self.num_generations)  # expect: CL002 "TRL's `VLLMClient.generate`"
