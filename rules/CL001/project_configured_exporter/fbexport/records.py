# Where the conversations come from: a store whose generators yield them, and a record whose methods build them.
import json
from dataclasses import dataclass


class FeedbackStore:
    def __init__(self, path):
        self.path = path

    def liked_conversations(self):
        with open(self.path) as handle:
            for line in handle:
                row = json.loads(line)
                if row["rating"] > 0:
                    yield row["messages"] + [{"role": "assistant", "content": row["reply"]}]

    def asked_conversations(self):
        with open(self.path) as handle:
            for line in handle:
                yield json.loads(line)["messages"][:-1]


@dataclass
class ChatLog:
    messages: list
    completion: str

    def conversation(self):
        return [*self.messages, {"role": "assistant", "content": self.completion}]

    def request(self):
        return list(self.messages[:-1])
