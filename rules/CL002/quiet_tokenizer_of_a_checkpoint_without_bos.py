# A scorer that runs any model it is given, but renders and tokenizes with a tokenizer it loads from a Qwen
# checkpoint, whose ChatML template writes no BOS: the text is tokenized once with the only BOS it gets.
from transformers import AutoModelForCausalLM, AutoTokenizer


class ProposalScorer:
    def __init__(self, model_path):
        self.model = AutoModelForCausalLM.from_pretrained(model_path)
        self.tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-0.5B-Instruct")

    def _format(self, task):
        messages = [{"role": "user", "content": task}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def score(self, task):
        inputs = self.tokenizer([self._format(task)], return_tensors="pt")
        return self.model(**inputs).logits


class SmolAdapter:
    # SmolLM2's ChatML template writes no BOS, and its GPT-2 tokenizer adds none
    MODEL_ID = "HuggingFaceTB/SmolLM2-135M-Instruct"

    def __init__(self):
        self.tokenizer = AutoTokenizer.from_pretrained(self.MODEL_ID)
        self.model = AutoModelForCausalLM.from_pretrained(self.MODEL_ID)

    def answer(self, question):
        messages = [{"role": "user", "content": question}]
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.tokenizer(text, return_tensors="pt")
        return self.model.generate(**inputs, max_new_tokens=50)
