# Asks the helper of prompts.py for text, then tokenizes that text again with special tokens on.
from transformers import AutoTokenizer

from evalkit.prompts import get_chat_prompt


def score_answers(model_name, questions, model):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    losses = []
    for question in questions:
        prompt = get_chat_prompt(tokenizer, question, is_tokenize=False)
        batch = tokenizer(prompt, return_tensors="pt")  # expect: CL002 "returned by `get_chat_prompt`"
        losses.append(model(**batch).loss)
    return losses
