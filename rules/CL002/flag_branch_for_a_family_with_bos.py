# The twins of quiet_branch_for_a_family_without_bos.py: a branch whose test names a family whose template writes a
# BOS too, and the other branch of a test for a family without one.
from transformers import AutoModelForCausalLM, AutoTokenizer


class LocalChat:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForCausalLM.from_pretrained(path)

    def reply(self, messages):
        if type(self.model).__name__ in ("Qwen2ForCausalLM", "LlamaForCausalLM"):
            text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
            inputs = self.tokenizer([text], return_tensors="pt")  # expect: CL002 "`[text]` holds texts"
            return self.model.generate(**inputs)
        return self.model.chat(self.tokenizer, messages)


def system_tokens(tokenizer, model_type, system):
    if model_type.startswith("qwen"):
        return tokenizer(f"<|im_start|>system\n{system}<|im_end|>\n")["input_ids"]
    text = tokenizer.apply_chat_template([{"role": "system", "content": system}], tokenize=False)
    return tokenizer(text)["input_ids"]  # expect: CL002 "`text` is rendered by"
