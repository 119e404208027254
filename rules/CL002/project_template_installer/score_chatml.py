# Llama 3.2 with the project's ChatML template installed: the rendered text holds no BOS, the tokenizer adds one.
from prompts import render
from tokenizers_setup import setup_chatml_tokenizer

tokenizer = setup_chatml_tokenizer("meta-llama/Llama-3.2-1B")


def encode(question):
    return tokenizer(render(tokenizer, question), return_tensors="pt")
