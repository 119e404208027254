# A wrapper of the module that renders as text and takes the BOS off before returning it (its tokenizer adds the
# BOS again): tokenizing what it returns with special tokens on gives one BOS. Also through a helper that builds
# a list of them, a wrapper that returns the text with the prefix removed, and one that hands the text and the BOS
# token to a helper of its own that drops that prefix.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def render_text(tok, messages):
    text = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    bos = tok.bos_token
    if bos and text.startswith(bos):
        text = text[len(bos) :]
    return text


def render_prefixless(tok, messages):
    text = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return text.removeprefix(tok.bos_token)


def _drop_prefix(text, prefix):
    if prefix and text.startswith(prefix):
        return text[len(prefix) :]
    return text


def render_for_engine(tok, messages):
    text = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return _drop_prefix(text, tok.bos_token)


def build_prompts(tok, questions):
    return [render_text(tok, [{"role": "user", "content": q}]) for q in questions]


def encode(question):
    return tokenizer(render_text(tokenizer, [{"role": "user", "content": question}]))["input_ids"]


def encode_all(questions):
    return tokenizer(build_prompts(tokenizer, questions), padding=True)["input_ids"]


def encode_prefixless(question):
    return tokenizer(render_prefixless(tokenizer, [{"role": "user", "content": question}]))["input_ids"]


def encode_for_engine(question):
    return tokenizer(render_for_engine(tokenizer, [{"role": "user", "content": question}]))["input_ids"]
