from transformers import AutoModelForCausalLM, AutoTokenizer

from . import register_model


@register_model("hf")
class HFModel:
    def __init__(self, cfg):
        self.tokenizer = AutoTokenizer.from_pretrained(cfg["checkpoint"])
        self.model = AutoModelForCausalLM.from_pretrained(cfg["checkpoint"])

    def generate(self, prompt, max_new_tokens=128):
        inputs = self.tokenizer(prompt, return_tensors="pt")
        output = self.model.generate(**inputs, max_new_tokens=max_new_tokens)
        return self.tokenizer.decode(output[0][inputs["input_ids"].shape[1] :], skip_special_tokens=True)
