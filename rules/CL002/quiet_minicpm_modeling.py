# A model module written for MiniCPM 2B (its classes are named for it, as a reranker built on it names its own),
# whose chat template writes `<用户>` and `<AI>` around the user's turns and no BOS: tokenizing the rendered history
# with special tokens adds one BOS, not two.
import re


class MiniCPMRerankerForCausalLM:
    def chat(self, tokenizer, query, history=None):
        history = list(history or [])
        history.append({"role": "user", "content": query})
        history_str = tokenizer.apply_chat_template(history, tokenize=False, add_generation_prompt=False)
        inputs = tokenizer(history_str, return_tensors="pt")
        response = tokenizer.decode(self.generate(**inputs)[0])
        return re.split("<AI>|<用户>", response)[0]
