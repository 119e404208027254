from .base import Builder


class ToolBuilder(Builder):
    def conversation(self, record):
        turns = super().conversation(record)
        turns.append({"role": "assistant", "content": "", "tool_calls": record["calls"]})
        return turns

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tools=None, tokenize=False, add_generation_prompt=True)  # expect: CL001 "which `Builder.build` (sft/base.py:13) gives it from `self.conversation(...)`"
