from transformers import AutoModelForCausalLM, AutoTokenizer

from prompts import render_question


def judge(args):
    tokenizer = AutoTokenizer.from_pretrained(args.judge_model)
    model = AutoModelForCausalLM.from_pretrained(args.judge_model)
    inputs = tokenizer([render_question(tokenizer, input("> "))], return_tensors="pt")  # expect: CL002 "`render_question`"
    print(tokenizer.decode(model.generate(**inputs, max_new_tokens=8)[0]))
