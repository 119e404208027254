# The twin whose loader always loads a Llama 3 checkpoint: its template writes the BOS the tokenizer adds again.
from loading import get_judge_tokenizer
from prompts import build_prompt


def encode(rows):
    tokenizer = get_judge_tokenizer()
    return [tokenizer(build_prompt(tokenizer, row)) for row in rows]  # expect: CL002 "Llama 3"
