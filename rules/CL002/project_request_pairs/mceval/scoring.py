# Log-likelihood of continuations given a context, batched.
import torch


class PairScorer:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def _encode_pair(self, context, continuation):
        context_ids = self.tokenizer(context)["input_ids"]
        continuation_ids = self.tokenizer(continuation, add_special_tokens=False)["input_ids"]
        return context_ids, continuation_ids

    @torch.no_grad()
    def loglikelihood(self, requests):
        scores = []
        for context_ids, continuation_ids in [self._encode_pair(context, letter) for context, letter in requests]:
            ids = torch.tensor([context_ids + continuation_ids], device=self.model.device)
            logprobs = self.model(ids).logits.log_softmax(-1)[0, len(context_ids) - 1 : -1]
            scores.append(logprobs.gather(-1, ids[0, len(context_ids) :, None]).sum().item())
        return scores


class RenderedPairScorer(PairScorer):
    def _encode_pair(self, context, continuation):
        context_ids = self.tokenizer(context, add_special_tokens=False)["input_ids"]
        continuation_ids = self.tokenizer(continuation, add_special_tokens=False)["input_ids"]
        return context_ids, continuation_ids
