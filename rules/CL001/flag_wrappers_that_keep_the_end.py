# A method renders the conversation it is given after a helper of the class puts a system message in front (the
# helper may copy the list first): the caller's last turn stays last, so the method is a wrapper, judged at its calls (and reported at the default the fix changes).
from dataclasses import dataclass


class Prompter:
    def __init__(self, tokenizer, system=None):
        self.tokenizer = tokenizer
        self.system = system

    def _with_system(self, messages):
        messages = list(messages)
        if self.system and messages[0]["role"] != "system":
            messages = [{"role": "system", "content": self.system}] + messages
        return messages

    def render(self, messages, add_generation_prompt=True):  # expect: CL001 "through the wrapper `Prompter.render`"
        return self.tokenizer.apply_chat_template(
            self._with_system(messages), tokenize=False, add_generation_prompt=add_generation_prompt
        )


class SFTDataset:
    def __init__(self, rows, prompter):
        self.rows = rows
        self.prompter = Prompter(prompter.tokenizer, prompter.system)

    def __getitem__(self, index):
        messages = self.rows[index]["messages"]
        text = self.prompter.render(messages)
        return {"text": text, "labels": text}


class Trimmer:
    # keeps the system message and the last turns: `rest[-k:]` keeps the end, so the caller's last turn stays last
    # (its `render` is its own wrapper, not `Prompter.render`: a call is judged by its receiver's class)
    def __init__(self, tokenizer, max_turns=None):
        self.tokenizer = tokenizer
        self.max_turns = max_turns

    def _trim(self, messages):
        if self.max_turns is None:
            return messages
        system = [m for m in messages[:1] if m["role"] == "system"]
        rest = messages[len(system):]
        return system + rest[-self.max_turns:]

    def render(self, messages, add_generation_prompt=True):  # expect: CL001 "through the wrapper `Trimmer.render`"
        return self.tokenizer.apply_chat_template(
            self._trim(messages), tokenize=False, add_generation_prompt=add_generation_prompt
        )


@dataclass
class TrimmingCollator:
    tokenizer: object
    formatter: Trimmer

    def __call__(self, features):
        texts = [self.formatter.render(f["messages"]) for f in features]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


ROLE_MAP = {"human": "user", "gpt": "assistant"}


def to_messages(conversations, system_prompt=""):
    # a system turn put in front (when there is one), then each turn of the conversation, in order
    messages = []
    if system_prompt:
        messages.append({"role": "system", "content": system_prompt})
    for turn in conversations:
        messages.append({"role": ROLE_MAP[turn["from"]], "content": turn["value"]})
    return messages


class ShareGPTDataset:
    def __init__(self, rows, processor, system_prompt):
        self.rows = rows
        self.processor = processor
        self.system_prompt = system_prompt

    def __getitem__(self, index):
        messages = to_messages(self.rows[index]["conversations"], self.system_prompt)
        return {"text": self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)}  # expect: CL001 "keeps the end of"


def normalize(messages):
    # each turn stripped, in order, and a default system turn put in front
    msgs = [{"role": m["role"], "content": m["content"].strip()} for m in messages]
    if not msgs or msgs[0]["role"] != "system":
        msgs.insert(0, {"role": "system", "content": "You are a helpful assistant."})
    return msgs


def render_chat(tokenizer, messages, add_generation_prompt=True):  # expect: CL001 "through the wrapper `render_chat`"
    return tokenizer.apply_chat_template(
        normalize(messages), tokenize=False, add_generation_prompt=add_generation_prompt
    )


def export_record(tokenizer, record):
    conversation = record["messages"] + [{"role": "assistant", "content": record["response"]}]
    return {"text": render_chat(tokenizer, conversation)}
