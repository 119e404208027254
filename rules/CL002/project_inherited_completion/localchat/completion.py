# A plain text-completion model: `complete()` tokenizes the prompt it is given through `_encode`, with special
# tokens on unless its caller turns them off (a plain prompt needs the BOS). Nothing here renders a chat template.
from transformers import AutoModelForCausalLM, AutoTokenizer


class CompletionModel:
    def __init__(self, model_id):
        self.tokenizer = AutoTokenizer.from_pretrained(model_id)
        self.model = AutoModelForCausalLM.from_pretrained(model_id)

    def _encode(self, prompt, add_special_tokens):
        return self.tokenizer(prompt, return_tensors="pt", add_special_tokens=add_special_tokens)

    def complete(self, prompt, *, add_special_tokens=True, max_new_tokens=256):
        inputs = self._encode(prompt, add_special_tokens)
        output = self.model.generate(**inputs, max_new_tokens=max_new_tokens)
        return self.tokenizer.decode(output[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)
