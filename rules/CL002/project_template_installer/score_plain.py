# Llama 3.2 with its own template, which writes `<|begin_of_text|>`: tokenizing the render adds a second one.
from prompts import render
from tokenizers_setup import load_tokenizer

tokenizer = load_tokenizer("meta-llama/Llama-3.2-1B-Instruct")


def encode(question):
    return tokenizer(render(tokenizer, question), return_tensors="pt")  # expect: CL002 "`render`"
