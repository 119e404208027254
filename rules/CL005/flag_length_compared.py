# A length compared with a bound counts the ids (a `BatchEncoding` has two keys): unlike a test for emptiness.


def fits(tokenizer, messages, max_length):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "used as a list of ids: `len(ids)`"
    return len(ids) <= max_length
