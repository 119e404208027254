# Directives that silence something, and directives that belong to other tools: all left alone.
import os  # noqa: F401

LONG_LINE = "x"  # noqa: E501


def build_sft_example(tokenizer, question, answer):
    messages = [
        {"role": "user", "content": question},
        {"role": "assistant", "content": answer},
    ]
    # used: it silences the CL001 finding on this very line
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)  # noqa: CL001


def build_pair(tokenizer, example):
    chosen = example["prompt"] + [{"role": "assistant", "content": example["chosen"]}]
    # a bare noqa silences every linter on the line, not only chatlint: never reported
    prompt_text = tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True)  # noqa
    # used together with another tool's code
    chosen_text = tokenizer.apply_chat_template(chosen, add_generation_prompt=True)  # noqa: E501, CL001
    return prompt_text, chosen_text


def build_multiline(tokenizer, messages):
    # CL001 reports the flag's line; a directive on any line of the statement silences it, the first line included
    first = tokenizer.apply_chat_template(  # noqa: CL001
        messages + [{"role": "assistant", "content": "a"}],
        tokenize=False,
        add_generation_prompt=True,
    )
    last = tokenizer.apply_chat_template(
        messages + [{"role": "assistant", "content": "b"}],
        tokenize=False,
        add_generation_prompt=True,
    )  # noqa: CL001
    return first, last


# text that only looks like a directive is not a comment
NOTE = "# noqa: CL001"
DOC = """
x = 1  # noqa: CL001
"""
