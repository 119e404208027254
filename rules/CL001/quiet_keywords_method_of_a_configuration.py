# A configuration's method that hands the template its keywords (`**self.cfg.chat_template_kwargs()`) without
# turning the generation prompt on: off by a field's default, left out of a dict the method shows whole, or on only
# for a render of the prompt.
from dataclasses import dataclass


@dataclass
class TemplateConfig:
    enable_thinking: bool = False
    add_generation_prompt: bool = False

    def chat_template_kwargs(self) -> dict:
        return {"add_generation_prompt": self.add_generation_prompt, "enable_thinking": self.enable_thinking}


@dataclass
class ThinkingOptions:
    add_generation_prompt: bool = True  # (a field of the name the method below does not hand on)
    enable_thinking: bool = True

    def template_kwargs(self):
        return {"enable_thinking": self.enable_thinking}


@dataclass
class PromptOptions:
    def render_kwargs(self):
        return {"add_generation_prompt": True}


class ChatCollator:
    def __init__(self, tokenizer, template: TemplateConfig):
        self.tokenizer = tokenizer
        self.template = template

    def __call__(self, rows):
        texts = [
            self.tokenizer.apply_chat_template(row["messages"], tokenize=False, **self.template.chat_template_kwargs())
            for row in rows
        ]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


def tokenize_row(tokenizer, row, options: ThinkingOptions):
    ids = tokenizer.apply_chat_template(row["messages"], return_dict=False, **options.template_kwargs())
    return {"input_ids": ids, "labels": list(ids)}


def prompt_then_reply(tokenizer, row, options: PromptOptions):
    prompt = tokenizer.apply_chat_template(row["messages"][:-1], return_dict=False, **options.render_kwargs())
    reply = tokenizer.encode(row["messages"][-1]["content"], add_special_tokens=False)
    return {"input_ids": prompt + reply, "labels": [-100] * len(prompt) + reply}
