# A script whose generator class loads the checkpoint its constructor is given, with a LoRA adapter on top; the
# script builds it from its `--base_llm` option, by default a Qwen 2.5 model: a ChatML template writes no BOS. (The
# adapter's `PeftModel.from_pretrained(base, lora_dir)` loads no checkpoint of its own.)
import argparse

from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


class PatchGenerator:
    def __init__(self, base_model: str, lora_dir: str):
        self.tok = AutoTokenizer.from_pretrained(base_model)
        base = AutoModelForCausalLM.from_pretrained(base_model)
        self.model = PeftModel.from_pretrained(base, lora_dir)

    def generate(self, question):
        messages = [{"role": "user", "content": question}]
        text = self.tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.tok(text, return_tensors="pt")
        return self.tok.decode(self.model.generate(**inputs, max_new_tokens=256)[0], skip_special_tokens=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base_llm", default="Qwen/Qwen2.5-7B-Instruct")
    parser.add_argument("--lora_dir", required=True)
    args = parser.parse_args()
    generator = PatchGenerator(args.base_llm, args.lora_dir)
    print(generator.generate("Which stage comes next?"))


if __name__ == "__main__":
    main()
