# The twins of quiet_module_writes_chatml.py where ChatML is one format among others: a script that offers it by
# name beside the tokenizer's own template, and one that only tests a reply for its marker. Any model can be passed,
# and the render is tokenized again with special tokens on.
def build_text(tokenizer, messages, chat_format="tokenizer"):
    if chat_format == "chatml":
        return "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in messages)
    return tokenizer.apply_chat_template(messages, tokenize=False)


def encode(tokenizer, messages, chat_format="tokenizer"):
    return tokenizer(build_text(tokenizer, messages, chat_format), truncation=True)  # expect: CL002 "(the wrapper `build_text`)"
