from transformers import AutoTokenizer

from .templating import PromptBuilder, render_plain, render_stripped, render_text

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def encode(messages):
    return tok(render_text(tok, messages))["input_ids"]


def encode_plain(messages):
    return tok(render_plain(tok, messages))["input_ids"]  # expect: CL002 "the wrapper `render_plain`"


def encode_stripped(messages):
    return tok(render_stripped(tok, messages))["input_ids"]


def encode_built(messages):
    builder = PromptBuilder(tok, "You are helpful.")
    return tok([builder.render(messages)])["input_ids"]
