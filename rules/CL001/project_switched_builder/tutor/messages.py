# Conversation builders whose last message is switched by a parameter: the reply is appended only when the caller
# passes one (or asks for it).

SYSTEM = "You are a patient math tutor."


def build_messages(problem, solution=None):
    messages = [{"role": "system", "content": SYSTEM}, {"role": "user", "content": problem}]
    if solution is not None:
        messages.append({"role": "assistant", "content": solution})
    return messages


def record_turns(record, with_reply=True):
    turns = [{"role": "user", "content": record["question"]}]
    if with_reply:
        turns.append({"role": "assistant", "content": record["answer"]})
    return turns
