import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from .settings import CHAT_IDS_KWARGS, CHAT_KWARGS, SAMPLES


class HFDecoder:
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.model = AutoModelForCausalLM.from_pretrained(checkpoint)

    @torch.no_grad()
    def sample_from_ids(self, prompt_ids):
        input_ids = torch.tensor([prompt_ids] * SAMPLES, device=self.model.device)
        output = self.model.generate(input_ids, do_sample=True, max_new_tokens=256)
        return self.tokenizer.batch_decode(output[:, input_ids.shape[1] :], skip_special_tokens=True)


class ChatDecoder(HFDecoder):
    def sample_chat(self, messages):
        prompt_ids = self.tokenizer.apply_chat_template(messages, **CHAT_KWARGS)  # expect: CL005 "passed to `HFDecoder.sample_from_ids` as `prompt_ids`, which uses it: `torch.tensor([prompt_ids] * SAMPLES"
        return self.sample_from_ids(prompt_ids)


class ListChatDecoder(HFDecoder):
    def sample_chat(self, messages):
        prompt_ids = self.tokenizer.apply_chat_template(messages, **CHAT_IDS_KWARGS)
        return self.sample_from_ids(prompt_ids)
