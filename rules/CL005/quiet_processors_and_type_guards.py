# Results that are not used as a list of ids after all: a processor renders text unless asked to tokenize, and code
# that tests what it got is written for both kinds of result.
def prompt_length(processor, example):
    prompt = processor.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)
    return len(prompt)


def prompt_ids(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True)
    if not isinstance(ids, list):
        ids = ids["input_ids"]
    return ids[:512]


def prompt_ids_either_way(tokenizer, messages):
    out = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True)
    if hasattr(out, "input_ids"):
        out = out["input_ids"]
    return len(out)


class ChatUtilities:
    @staticmethod
    def apply_chat_template(messages, tokenizer):
        # a project's own function of that name: it returns a list of ids
        return [tokenizer.convert_tokens_to_ids(m["content"]) for m in messages]


def encode(messages, tokenizer):
    ids = ChatUtilities.apply_chat_template(messages, tokenizer)
    return {"input_ids": ids, "length": len(ids)}
