# A configuration hands its template keywords on through a method (`**self.cfg.chat_template_kwargs()`): what the
# method returns decides the flag. Here it turns the generation prompt on for a collator that trains on the render,
# written as a literal, and as the default of a field of the class; the method's dict wins over a field of the
# flag's name.
from dataclasses import dataclass


@dataclass
class TemplateConfig:
    enable_thinking: bool = False
    add_generation_prompt: bool = False  # (a field of the name: the method below does not read it)

    def chat_template_kwargs(self) -> dict:
        return {"add_generation_prompt": True, "enable_thinking": self.enable_thinking}


@dataclass
class RenderOptions:
    generation_header: bool = True

    def render_kwargs(self):
        return dict(add_generation_prompt=self.generation_header)


class ChatCollator:
    def __init__(self, tokenizer, template: TemplateConfig):
        self.tokenizer = tokenizer
        self.template = template

    def __call__(self, rows):
        texts = [
            self.tokenizer.apply_chat_template(row["messages"], tokenize=False, **self.template.chat_template_kwargs())  # expect: CL001 "the `add_generation_prompt` that `TemplateConfig.chat_template_kwargs()` returns"
            for row in rows
        ]
        batch = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


def tokenize_row(tokenizer, row, options: RenderOptions):
    ids = tokenizer.apply_chat_template(row["messages"], return_dict=False, **options.render_kwargs())  # expect: CL001 "the `add_generation_prompt` that `RenderOptions.render_kwargs()` returns"
    return {"input_ids": ids, "labels": list(ids)}
