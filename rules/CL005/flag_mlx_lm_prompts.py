# A project that runs its model with mlx-lm but loads the Hugging Face tokenizer itself: the render's ids go to
# mlx-lm's `generate` as its prompt (by keyword, by position, or to `stream_generate`), or in a list to a
# `BatchGenerator`'s `insert`, where a `BatchEncoding` is neither a text nor a list of ids.
import json

import mlx_lm
from mlx_lm import stream_generate
from mlx_lm.generate import BatchGenerator
from mlx_lm.generate import generate as mlx_generate
from transformers import AutoTokenizer


def answer(model, path, question):
    tokenizer = AutoTokenizer.from_pretrained(path)
    messages = [{"role": "user", "content": question}]
    first = mlx_generate(model=model, tokenizer=tokenizer, prompt=tokenizer.apply_chat_template(messages, add_generation_prompt=True))  # expect: CL005 "the prompt of mlx-lm's"
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "mlx_lm.generate"
    second = mlx_lm.generate(model, tokenizer, ids)
    for chunk in stream_generate(model, tokenizer, prompt=tokenizer.apply_chat_template(messages, add_generation_prompt=True)):  # expect: CL005 "stream_generate"
        print(chunk)
    return first, second


def answer_with_template_config(model, args):
    # the template's variables a user gives as JSON (`--chat-template-config '{"enable_thinking": false}'`): they
    # say nothing of how the call tokenizes, so the defaults stand
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    template_kwargs = {}
    if args.chat_template_config:
        template_kwargs = json.loads(args.chat_template_config)
    messages = [{"role": "user", "content": args.prompt}]
    prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True, **template_kwargs)  # expect: CL005 "mlx_lm.generate"
    return mlx_lm.generate(model, tokenizer, prompt, verbose=True)


def answer_in_batches(model, path, questions):
    tokenizer = AutoTokenizer.from_pretrained(path)
    prompts = [tokenizer.apply_chat_template([{"role": "user", "content": q}], add_generation_prompt=True) for q in questions]  # expect: CL005 "gen.insert(prompts)"
    gen = BatchGenerator(model, max_tokens=64)
    uids = gen.insert(prompts)
    quiet = [tokenizer.apply_chat_template([{"role": "user", "content": q}], add_generation_prompt=True, return_dict=False) for q in questions]
    return uids, gen.insert(quiet)
