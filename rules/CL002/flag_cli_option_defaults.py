# The same tool configured with a Llama 3 checkpoint by default: its template writes the BOS the tokenizer adds
# again.
import click
import typer
from transformers import AutoTokenizer

app = typer.Typer()


@app.command()
def chat(model: str = typer.Option("meta-llama/Llama-3.1-8B-Instruct", "--model", "-m", help="checkpoint")):
    tokenizer = AutoTokenizer.from_pretrained(model)
    messages = [{"role": "user", "content": input("> ")}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return tokenizer.encode(prompt)  # expect: CL002 "`prompt` is rendered by"


@click.command()
@click.option("--model-path", "-m", default="meta-llama/Llama-3.1-8B-Instruct")
def score(model_path):
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False)
    return tokenizer(prompt, return_tensors="pt")  # expect: CL002 "`prompt` is rendered by"
