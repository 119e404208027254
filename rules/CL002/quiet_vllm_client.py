# The twins of flag_vllm_client.py: plain documents sent to the server, and a `generate` of something that is not
# the client (a model given ids).
from trl import GRPOTrainer
from trl.extras.vllm_client import VLLMClient


class Rollouts:
    def __init__(self, tokenizer, model, host):
        self.tokenizer = tokenizer
        self.model = model
        self.vllm_client = VLLMClient(host)

    def complete(self, documents):
        return self.vllm_client.generate(prompts=documents, n=1)

    def sample_locally(self, batch):
        ids = [self.tokenizer.apply_chat_template(x["prompt"], add_generation_prompt=True, return_dict=False) for x in batch]
        return [self.model.generate(prompt) for prompt in ids]


class DocumentGRPOTrainer(GRPOTrainer):
    # trl's client given plain documents
    def _generate(self, inputs):
        return self.vllm_client.generate(prompts=[x["document"] for x in inputs], n=self.num_generations)
