# A script that refuses every model outside an allowlist of one family whose chat template writes no BOS: the
# rendered text has no BOS of its own to double.
import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer

QWEN_MODELS = ("Qwen/Qwen2.5-1.5B-Instruct", "Qwen/Qwen2.5-7B-Instruct")


def generate(model_name, question):
    if model_name not in QWEN_MODELS:
        raise SystemExit(f"unsupported model: {model_name}")
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(text, return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=64)


def evaluate(args):
    assert args.model in ["Qwen/Qwen3-4B", "Qwen/Qwen3-8B"], "the grader is tuned for Qwen3"
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    text = tokenizer.apply_chat_template([{"role": "user", "content": args.question}], tokenize=False, add_generation_prompt=True)
    return tokenizer(text)["input_ids"]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--model")
    parser.add_argument("--question")
    evaluate(parser.parse_args())
