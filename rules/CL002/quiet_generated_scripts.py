# Generated scripts that render and tokenize once, docstrings that show the API, and a template whose fields leave
# no Python to read: nothing to report.
import textwrap
from pathlib import Path

APP_PY = '''import gradio as gr
from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("{model_repo}")
model = AutoModelForCausalLM.from_pretrained("{model_repo}")


def respond(message, history):
    messages = [{{"role": "user", "content": message}}]
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=True, return_tensors="pt")
    outputs = model.generate(**inputs, max_new_tokens=256)
    return tokenizer.decode(outputs[0][inputs["input_ids"].shape[-1]:], skip_special_tokens=True)
'''

PARTIAL = """import torch
from transformers import AutoTokenizer
tokenizer = AutoTokenizer.from_pretrained(MODEL)
text = tokenizer.apply_chat_template(messages, tokenize=False)
ids = tokenizer(text, **{tokenizer_options})
"""


def serve_script(model_repo):
    """Write `serve.py`, which does `text = tokenizer.apply_chat_template(messages, tokenize=False)` and then
    `tokenizer(text, add_special_tokens=False)`:

        import transformers
        tokenizer = transformers.AutoTokenizer.from_pretrained(name)
        text = tokenizer.apply_chat_template(messages, tokenize=False)
        ids = tokenizer(text)
    """
    return textwrap.dedent(f'''\
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained("{model_repo}")
        text = tokenizer.apply_chat_template([{{"role": "user", "content": "hi"}}], tokenize=False)
        ids = tokenizer(text, add_special_tokens=False, return_tensors="pt")
        ''')


def write_all(folder, model_repo):
    Path(folder, "app.py").write_text(APP_PY.format(model_repo=model_repo))
    Path(folder, "serve.py").write_text(serve_script(model_repo))
