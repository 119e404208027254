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


# A Qwen 2.5 default is a suggestion too: the option exists so that users run the tool with other checkpoints, and
# with a Llama 3 or Gemma one the tokenizer adds a second BOS (with Qwen's ChatML template, `add_special_tokens=False`
# changes nothing).
@app.command()
def chat_default(model: str = typer.Option("Qwen/Qwen2.5-0.5B-Instruct", "--model", "-m", help="checkpoint")):
    tokenizer = AutoTokenizer.from_pretrained(model)
    messages = [{"role": "user", "content": input("> ")}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return tokenizer.encode(prompt)  # expect: CL002 "for chat templates that begin with one"


@click.command()
@click.option("--model-path", "-m", default="Qwen/Qwen2.5-7B-Instruct")
def score_default(model_path):
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False)
    return tokenizer(prompt, return_tensors="pt")  # expect: CL002 "for chat templates that begin with one"
