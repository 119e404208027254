from transformers import AutoModelForCausalLM, AutoTokenizer


class LocalEngine:
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def apply_chat_template(self, messages, add_generation_prompt=True):
        if self.tokenizer.chat_template is None:
            return "\n".join(f"{message['role']}: {message['content']}" for message in messages)
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def generate(self, prompts, max_new_tokens=128):
        if isinstance(prompts, str):
            prompts = [prompts]
        outputs = []
        for prompt in prompts:
            inputs = self.tokenizer(prompt, return_tensors="pt")
            outputs.append(self.model.generate(**inputs, max_new_tokens=max_new_tokens))
        return outputs


def encode_batch(tokenizer, texts, max_length=512):
    return [tokenizer(text, truncation=True, max_length=max_length)["input_ids"] for text in texts]
