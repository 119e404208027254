# One logged exchange of the serving proxy: the request's messages and the reply the model gave.
from dataclasses import dataclass


@dataclass
class LoggedExchange:
    request_id: str
    messages: list
    reply: str

    @classmethod
    def from_record(cls, record):
        reply = record["response"]["choices"][0]["message"]["content"]
        return cls(record["id"], record["request"]["messages"], reply)

    def conversation(self):
        return [*self.messages, {"role": "assistant", "content": self.reply}]

    def prompt(self):
        return list(self.messages)
