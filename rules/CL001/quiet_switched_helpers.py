# A helper appends the reply only when it is given one (or asked for it); calls that leave it out render a prompt,
# and the generation prompt belongs there.


def build_messages(problem, solution=None):
    messages = [{"role": "user", "content": problem}]
    if solution is not None:
        messages.append({"role": "assistant", "content": solution})
    return messages


def make_turns(record, prompt_only=False):
    turns = [{"role": "user", "content": record["question"]}]
    if not prompt_only:
        turns.append({"role": "assistant", "content": record["answer"]})
    return turns


def encode_prompt(tokenizer, problem):
    return tokenizer.apply_chat_template(build_messages(problem), add_generation_prompt=True, return_dict=False)


def encode_prompt_none(tokenizer, problem):
    messages = build_messages(problem, None)
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)


def sample_prompt(tokenizer, record):
    turns = make_turns(record, prompt_only=True)
    return tokenizer.apply_chat_template(turns, add_generation_prompt=True, tokenize=False)


def training_text(tokenizer, problem, solution):
    return tokenizer.apply_chat_template(build_messages(problem, solution), tokenize=False)
