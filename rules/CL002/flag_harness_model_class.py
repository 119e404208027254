# A model class for lm-evaluation-harness that renders its own chat template: run with `--apply_chat_template`, the
# harness builds every request's context with that method, so `request.args[0]` is a render that already starts
# with the template's BOS; tokenizing it again with special tokens on adds a second one.
import torch
from lm_eval.api.model import LM
from transformers import AutoModelForCausalLM, AutoTokenizer


class ChatLM(LM):
    def __init__(self, pretrained: str, max_new_tokens: int = 256):
        super().__init__()
        self.tokenizer = AutoTokenizer.from_pretrained(pretrained)
        self.model = AutoModelForCausalLM.from_pretrained(pretrained)
        self.max_new_tokens = max_new_tokens

    def apply_chat_template(self, chat_history, add_generation_prompt=True):
        return self.tokenizer.apply_chat_template(
            chat_history, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def generate_until(self, requests):
        outputs = []
        for request in requests:
            context, gen_kwargs = request.args
            inputs = self.tokenizer(context, return_tensors="pt")  # expect: CL002 "returned by `ChatLM.apply_chat_template`, made the harness's request context when it runs with `--apply_chat_template`"
            generated = self.model.generate(**inputs, max_new_tokens=self.max_new_tokens)
            outputs.append(self.tokenizer.decode(generated[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True))
        return outputs

    def loglikelihood(self, requests):
        results = []
        for request in requests:
            context_ids = self.tokenizer.encode(request.args[0])  # expect: CL002 "made the harness's request context"
            continuation_ids = self.tokenizer.encode(request.args[1], add_special_tokens=False)
            ids = torch.tensor([context_ids + continuation_ids])
            logits = self.model(ids).logits.log_softmax(-1)[0, len(context_ids) - 1 : -1]
            picked = logits.gather(-1, torch.tensor(continuation_ids)[:, None]).sum()
            results.append((picked.item(), True))
        return results

    def loglikelihood_rolling(self, requests):
        raise NotImplementedError
