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


def grade_turns(question, feedback=None):
    turns = []
    turns.append({"role": "user", "content": question})
    if feedback is not None:
        turns.append({"role": "assistant", "content": feedback})
    return turns


def grading_prompt(tokenizer, row):
    return tokenizer.apply_chat_template(grade_turns(row["question"]), add_generation_prompt=True, tokenize=False)


def alternating(tokenizer, row):
    # the data decides who speaks last: not a switch of a parameter
    turns = []
    for index, text in enumerate(row["texts"]):
        if index % 2:
            turns.append({"role": "assistant", "content": text})
        else:
            turns.append({"role": "user", "content": text})
    return tokenizer.apply_chat_template(turns, add_generation_prompt=True, tokenize=False)
