# Quiet: the same wrapper called without the generation prompt on the full conversation, and with it on the prompt;
# a helper that drops the last turn is not one that keeps the end (the render of its result is a prompt).


class Prompter:
    def __init__(self, tokenizer, system=None):
        self.tokenizer = tokenizer
        self.system = system

    def _with_system(self, messages):
        messages = list(messages)
        if self.system:
            messages = [{"role": "system", "content": self.system}] + messages
        return messages

    def _history(self, messages):
        return messages[:-1]

    def render(self, messages, add_generation_prompt=True):
        return self.tokenizer.apply_chat_template(
            self._with_system(messages), tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def render_history(self, messages):
        return self.tokenizer.apply_chat_template(self._history(messages), tokenize=False, add_generation_prompt=True)


class SFTDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.prompter = Prompter(tokenizer)

    def __getitem__(self, index):
        messages = self.rows[index]["messages"]
        text = self.prompter.render(messages, add_generation_prompt=False)
        prompt = self.prompter.render(messages[:-1])
        history = self.prompter.render_history(messages)
        return {"text": text, "prompt": prompt, "history": history, "labels": text}


ROLE_MAP = {"human": "user", "gpt": "assistant"}


def to_messages_with_follow_up(conversations, follow_up, system_prompt=""):
    # a user's follow-up appended after the conversation: the list ends with a user turn
    messages = []
    if system_prompt:
        messages.append({"role": "system", "content": system_prompt})
    for turn in conversations:
        messages.append({"role": ROLE_MAP[turn["from"]], "content": turn["value"]})
    messages.append({"role": "user", "content": follow_up})
    return messages


class FollowUpDataset:
    def __init__(self, rows, processor):
        self.rows = rows
        self.processor = processor

    def __getitem__(self, index):
        row = self.rows[index]
        messages = to_messages_with_follow_up(row["conversations"], row["follow_up"], row.get("system", ""))
        return {"prompt": self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)}


def normalize_with_reminder(messages):
    # each turn stripped, in order, then a user reminder appended: the list ends with a user turn
    msgs = [{"role": m["role"], "content": m["content"].strip()} for m in messages]
    msgs.append({"role": "user", "content": "Answer in one sentence."})
    return msgs


def render_chat(tokenizer, messages, add_generation_prompt=True):
    return tokenizer.apply_chat_template(
        normalize_with_reminder(messages), tokenize=False, add_generation_prompt=add_generation_prompt
    )


def export_record(tokenizer, record):
    conversation = record["messages"] + [{"role": "assistant", "content": record["response"]}]
    return {"text": render_chat(tokenizer, conversation)}
