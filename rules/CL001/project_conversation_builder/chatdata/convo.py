# Conversation builders: one appends the reference answer (a whole conversation), one stops at the question.


def build_conversation(record, system=None):
    messages = [system] if system else []
    messages.append({"role": "user", "content": record["instruction"]})
    messages.append({"role": "assistant", "content": record["output"]})
    return messages


def build_prompt(record, system=None):
    messages = [system] if system else []
    messages.append({"role": "user", "content": record["instruction"]})
    return messages
