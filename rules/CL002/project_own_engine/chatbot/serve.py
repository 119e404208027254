# Quiet: the engine is given plain text, and the helper plain questions; a rendered prompt is tokenized without
# special tokens.
from chatbot.engine import LocalEngine, encode_batch


def complete(name, text):
    engine = LocalEngine(name)
    return engine.generate(text)


def lengths(name, rows):
    engine = LocalEngine(name)
    return encode_batch(engine.tokenizer, [row["question"] for row in rows])


def token_ids(name, messages):
    engine = LocalEngine(name)
    prompt = engine.apply_chat_template(messages)
    return engine.tokenizer(prompt, add_special_tokens=False)["input_ids"]
