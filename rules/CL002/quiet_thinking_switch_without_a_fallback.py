# A generator written for Qwen 3: it passes the thinking switch, a variable of Qwen 3's ChatML template (no BOS),
# and does not render again for tokenizers without it; a `try` that only guards against a missing template.
from vllm import LLM, SamplingParams


class QwenGenerator:
    def __init__(self, model_name, tokenizer):
        self.tokenizer = tokenizer
        self.llm = LLM(model=model_name)

    def _format_prompt(self, question):
        messages = [{"role": "user", "content": question}]
        try:
            return self.tokenizer.apply_chat_template(
                messages, add_generation_prompt=True, tokenize=False, enable_thinking=False
            )
        except ValueError:
            return question

    def generate(self, questions):
        prompts = [self._format_prompt(question) for question in questions]
        return self.llm.generate(prompts, SamplingParams(max_tokens=256))


class ThinkingDetector:
    """The thinking switch turned on, in a `try` whose handler catches every error but only reports it: no second
    render for a tokenizer that refuses the keyword."""

    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    def classify(self, query):
        try:
            messages = [{"role": "user", "content": query}]
            prompt_text = self.tokenizer.apply_chat_template(
                messages, tokenize=False, add_generation_prompt=True, enable_thinking=True
            )
            inputs = self.tokenizer(prompt_text, return_tensors="pt").to(self.model.device)
            return self.model.generate(**inputs, max_new_tokens=64)
        except Exception as error:
            print(f"classification failed: {error}")
            return None
