# A command that writes a chat app for a fine-tuned model from a `.format` template: the app it writes renders as
# text and tokenizes again with special tokens on, a second BOS in every prompt the deployed model reads.
from pathlib import Path

APP_PY = '''"""A generated chat app."""
import gradio as gr
from transformers import AutoModelForCausalLM, AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("{model_repo}")
model = AutoModelForCausalLM.from_pretrained("{model_repo}")


def respond(message, history):
    messages = [{{"role": "user", "content": message}}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(prompt, return_tensors="pt")  # expect: CL002 "in the script the string at line 5 holds: `prompt` is rendered by"
    outputs = model.generate(**inputs, max_new_tokens=256)
    return tokenizer.decode(outputs[0][inputs["input_ids"].shape[-1]:], skip_special_tokens=True)


gr.ChatInterface(respond).launch()
'''


def write_app(folder, model_repo):
    Path(folder, "app.py").write_text(APP_PY.format(model_repo=model_repo))
