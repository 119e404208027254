# Renders with the engine's own method and generates from the text: the template's BOS is doubled.
from chatbot.engine import LocalEngine, encode_batch


def chat(name, messages):
    engine = LocalEngine(name)
    prompt = engine.apply_chat_template(messages)
    return engine.generate(prompt)  # expect: CL002 "returned by `LocalEngine.apply_chat_template`"


def lengths(name, conversations):
    engine = LocalEngine(name)
    prompts = [engine.apply_chat_template(conversation) for conversation in conversations]
    return encode_batch(engine.tokenizer, prompts)  # expect: CL002 "through the helper `encode_batch` (chatbot/engine.py:27)"
