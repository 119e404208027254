# A prompt cut out of a render with a marker (`render(...).split(MARKER)[0]`, a reply prefix rendered in and cut off):
# the first part keeps the render's start, BOS included.
_SPLITTER = "-[[]]-this-is-really-our-highest-priority-[[]]-"


def make_chat_prompt(task, tokenizer):
    messages = [
        {"role": "user", "content": task},
        {"role": "assistant", "content": f"```python\n{_SPLITTER}\n```"},
    ]
    return tokenizer.apply_chat_template(messages, tokenize=False).split(_SPLITTER)[0]


def codegen(model, tokenizer, task):
    prompt = make_chat_prompt(task, tokenizer)
    input_ids = tokenizer.encode(prompt, return_tensors="pt")  # expect: CL002 "returned by `make_chat_prompt`"
    return model.generate(input_ids, max_new_tokens=512)
