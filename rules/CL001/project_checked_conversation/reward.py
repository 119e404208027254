# A reply's log-probability: the conversation is checked to end with the reply, then rendered whole through the
# wrapper with the generation prompt, so an empty assistant header is scored with the reply.
from turns import render, require_user_last, split_reply


def reply_text(tokenizer, conversation):
    prompt, reply = split_reply(conversation)
    prompt_text = render(tokenizer, prompt, add_generation_prompt=True)
    full_text = render(tokenizer, conversation, add_generation_prompt=True)  # expect: CL001 "checked by `split_reply` (turns.py:4)"
    return prompt_text, full_text


def reply_text_fixed(tokenizer, conversation):
    prompt, reply = split_reply(conversation)
    return render(tokenizer, prompt, add_generation_prompt=True), render(tokenizer, conversation)


def next_turn(tokenizer, conversation):
    require_user_last(conversation)
    return render(tokenizer, conversation, add_generation_prompt=True)
