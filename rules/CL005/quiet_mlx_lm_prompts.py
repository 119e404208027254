# mlx-lm's `generate` given a rendered text, or ids asked for as a list; a `prompt=` keyword of a function that is
# not mlx-lm's; the third argument of another library's call; a render given options a user wrote as JSON that are not
# named for the template (they may ask for a list of ids).
import json

import mlx_lm
from mlx_lm import generate
from transformers import AutoTokenizer

import vendor


def answer(model, path, question):
    tokenizer = AutoTokenizer.from_pretrained(path)
    messages = [{"role": "user", "content": question}]
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    first = generate(model, tokenizer, prompt=text)
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    second = generate(model, tokenizer, ids)
    encoded = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    third = vendor.complete(model, tokenizer, encoded)
    fourth = vendor.run(prompt=tokenizer.apply_chat_template(messages, add_generation_prompt=True))
    return first, second, third, fourth


def answer_with_render_options(model, args):
    # options a user gives as JSON that are not the template's variables: they may ask for a list of ids
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    render_options = json.loads(args.render_options) if args.render_options else {}
    messages = [{"role": "user", "content": args.prompt}]
    prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True, **render_options)
    return mlx_lm.generate(model, tokenizer, prompt, verbose=True)
