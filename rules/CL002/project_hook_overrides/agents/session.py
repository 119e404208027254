# Two subclasses of the agents' base classes: one formats a request by rendering the chat template as text (which
# `ChatAgent.respond` tokenizes again with special tokens), the other summarises plain text (nothing rendered).
from .base import ChatAgent, Summarizer


class SessionAgent(ChatAgent):
    def format_inputs(self, request) -> str:
        messages = [{"role": "system", "content": request.get("system", "")}, *request["history"]]
        messages.append({"role": "user", "content": request["query"]})
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class PlainSummarizer(Summarizer):
    def document(self, request) -> str:
        return "\n".join(request["paragraphs"])
