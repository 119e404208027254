# The same scorer with a tokenizer loaded from a Llama 3 checkpoint, whose template writes the BOS the tokenizer adds
# again.
from transformers import AutoModelForCausalLM, AutoTokenizer


class ProposalScorer:
    def __init__(self, model_path):
        self.model = AutoModelForCausalLM.from_pretrained(model_path)
        self.tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B-Instruct")

    def _format(self, task):
        messages = [{"role": "user", "content": task}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def score(self, task):
        inputs = self.tokenizer([self._format(task)], return_tensors="pt")  # expect: CL002 "holds texts rendered"
        return self.model(**inputs).logits
