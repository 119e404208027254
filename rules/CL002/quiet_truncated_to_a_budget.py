# A render tokenized only to cut it to a budget: the ids are measured, and the cut is decoded without special
# tokens; the text the model reads is tokenized elsewhere (or is the render itself). Also a direct count put in a
# log message.
from transformers import AutoTokenizer

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


class PromptTemplate:
    def __init__(self, max_input_len=4096):
        self.tokenizer = AutoTokenizer.from_pretrained(MODEL)
        self.max_input_len = max_input_len

    def truncate_prompt(self, prompt):
        ids = self.tokenizer(prompt, truncation=False, return_tensors="pt").input_ids[0]
        if len(ids) > self.max_input_len:
            print(f"the prompt is too long ({len(ids)} > {self.max_input_len}) and has been cut")
            half = self.max_input_len // 2
            head = self.tokenizer.decode(ids[:half], skip_special_tokens=True)
            prompt = head + self.tokenizer.decode(ids[-half:], skip_special_tokens=True)
        return prompt

    def get_prompt(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.truncate_prompt(prompt)
