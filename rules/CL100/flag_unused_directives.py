# Directives for CL001 that silence nothing: the line they sit on has no CL001 finding.


def render_prompt(tokenizer, conversation):
    # a prompt render is correct with the generation prompt: the directive is stale
    return tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True)  # noqa: CL001  # expect: CL100 "unused `noqa` directive: CL001 reports nothing on this line"


def render_for_generation(tokenizer, example):
    prompt = example["prompt"]
    return tokenizer.apply_chat_template(prompt, add_generation_prompt=True)  # noqa: CL001, E501  # expect: CL100 "unused `noqa` directive: CL001 reports nothing on this line"


def build_sft_example(tokenizer, question, answer):
    messages = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": answer},
    ]
    # a directive silences the statement it is on: one on the next statement misses the finding
    text = tokenizer.apply_chat_template(
        messages,
        tokenize=False,
        add_generation_prompt=True,  # expect: CL001 "`messages` = a list literal ending with an `assistant` turn, in `build_sft_example`"
    )
    return text  # noqa: CL001  # expect: CL100 "unused `noqa` directive: CL001 reports nothing on this line"


# noqa: CL001  # expect: CL100 "unused `noqa` directive: CL001 reports nothing on this line"
LIMIT = 4
