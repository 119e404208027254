# Renders tokenized again in branches that run for a family whose template writes no BOS only: the test of the
# branch names it (a model class, a model type).
from transformers import AutoModelForCausalLM, AutoTokenizer


class LocalChat:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForCausalLM.from_pretrained(path)

    def reply(self, messages):
        if type(self.model).__name__ == "Qwen2ForCausalLM":
            text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            inputs = self.tokenizer([text], return_tensors="pt")
            return self.model.generate(**inputs)
        return self.model.chat(self.tokenizer, messages)


def system_tokens(tokenizer, model_type, system):
    if model_type.startswith("gemma"):
        return tokenizer(f"<start_of_turn>system\n{system}<end_of_turn>\n", add_special_tokens=False)["input_ids"]
    elif model_type.startswith("qwen"):
        text = tokenizer.apply_chat_template([{"role": "system", "content": system}], tokenize=False)
        return tokenizer(text)["input_ids"]
    raise ValueError(model_type)
