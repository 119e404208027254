# The twin of quiet_checkpoint_given_by_the_script.py: the script's `--base_llm` defaults to a Llama 3.1 model, whose
# template writes the BOS its tokenizer adds again.
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
        inputs = self.tok(text, return_tensors="pt")  # expect: CL002 "rendered by `self.tok.apply_chat_template(..., tokenize=False)`"
        return self.tok.decode(self.model.generate(**inputs, max_new_tokens=256)[0], skip_special_tokens=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base_llm", default="meta-llama/Llama-3.1-8B-Instruct")
    parser.add_argument("--lora_dir", required=True)
    args = parser.parse_args()
    generator = PatchGenerator(args.base_llm, args.lora_dir)
    print(generator.generate("Which stage comes next?"))


if __name__ == "__main__":
    main()
