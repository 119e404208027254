# A builder that appends the reply only when it is given one, into a list it fills message by message.


def question_turns(question, answer=None, system=None):
    turns = []
    if system:
        turns.append({"role": "system", "content": system})
    turns.append({"role": "user", "content": question})
    if answer is not None:
        turns.append({"role": "assistant", "content": answer})
    return turns
