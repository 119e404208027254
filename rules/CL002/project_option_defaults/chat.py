from transformers import AutoModelForCausalLM, AutoTokenizer

from prompts import render_question


def chat(args):
    tokenizer = AutoTokenizer.from_pretrained(args.checkpoint_dir)
    model = AutoModelForCausalLM.from_pretrained(args.checkpoint_dir)
    inputs = tokenizer([render_question(tokenizer, input("> "))], return_tensors="pt")
    print(tokenizer.decode(model.generate(**inputs, max_new_tokens=256)[0]))
