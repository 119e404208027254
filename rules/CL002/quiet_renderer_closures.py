# The twins: what the factory's renderer returns is tokenized with special tokens off; a factory whose function
# strips the BOS off its render; a factory whose function renders a conversation of its own making, not the one it
# is given, then tokenizes it itself (a different helper, judged where it tokenizes).
from transformers import AutoTokenizer


def make_renderer(tokenizer, add_generation_prompt=True):
    def render(messages):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    return render


def make_bare_renderer(tokenizer):
    def render(messages):
        text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return text[len(tokenizer.bos_token) :] if text.startswith(tokenizer.bos_token) else text

    return render


def make_question_encoder(tokenizer):
    def encode(question):
        messages = [{"role": "user", "content": question}]
        return tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)

    return encode


def encode_all(model_name, conversations):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    render = make_renderer(tokenizer)
    texts = [render(messages) for messages in conversations]
    bare = make_bare_renderer(tokenizer)
    encode = make_question_encoder(tokenizer)
    return (
        tokenizer(texts, add_special_tokens=False, padding=True),
        tokenizer([bare(messages) for messages in conversations], padding=True),
        [encode(question) for question in ("a", "b")],
    )
