# A command-line tool whose commands load the checkpoint their `--model` option names, by default a Qwen 2.5 one
# (typer's `typer.Option(default, ...)`, click's `@click.option(..., default=...)`): what the run is configured
# with, like an argparse default; a ChatML template writes no BOS.
import click
import typer
from transformers import AutoTokenizer

app = typer.Typer()


@app.command()
def chat(model: str = typer.Option("Qwen/Qwen2.5-0.5B-Instruct", "--model", "-m", help="checkpoint")):
    tokenizer = AutoTokenizer.from_pretrained(model)
    messages = [{"role": "user", "content": input("> ")}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return tokenizer.encode(prompt)


@click.command()
@click.option("--model-path", "-m", default="Qwen/Qwen2.5-7B-Instruct")
def score(model_path):
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False)
    return tokenizer(prompt, return_tensors="pt")
