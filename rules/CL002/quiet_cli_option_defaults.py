# The twins of flag_cli_option_defaults.py with a Qwen 2.5 checkpoint as the option's default: the default is the
# model the tool runs with, and Qwen's ChatML template writes no BOS for the tokenizer to add again.
import click
import typer
from transformers import AutoTokenizer

app = typer.Typer()


@app.command()
def chat_default(model: str = typer.Option("Qwen/Qwen2.5-0.5B-Instruct", "--model", "-m", help="checkpoint")):
    tokenizer = AutoTokenizer.from_pretrained(model)
    messages = [{"role": "user", "content": input("> ")}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return tokenizer.encode(prompt)


@click.command()
@click.option("--model-path", "-m", default="Qwen/Qwen2.5-7B-Instruct")
def score_default(model_path):
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False)
    return tokenizer(prompt, return_tensors="pt")
