# A model module written for MiniCPM 3 (its configuration class is imported), whose chat template (ChatML) writes no
# BOS: tokenizing the rendered history with special tokens adds one BOS, not two.
from .configuration_minicpm import MiniCPM3Config


class MiniCPM3ForChat:
    config_class = MiniCPM3Config

    def chat(self, tokenizer, query, history=None):
        history = list(history or [])
        history.append({"role": "user", "content": query})
        history_str = tokenizer.apply_chat_template(history, tokenize=False, add_generation_prompt=True)
        inputs = tokenizer(history_str, return_tensors="pt")
        return self.generate(**inputs)
