# The twins of flag_configured_flags_handed_on.py that stay quiet: a configuration whose switch is off by default, a
# renderer built with it for full conversations and a partial that binds the switch on for prompts only, and a
# `.map()` function whose callers disagree on the switch (which one renders is not known); a wrapper reading the switch
# off the options it is handed, built with the switch off (in the call, or in a name first).
from dataclasses import asdict, dataclass
from functools import partial

from transformers import Trainer


@dataclass
class RenderConfig:
    add_generation_prompt: bool = False


def to_features(example, tokenizer):
    cfg = RenderConfig()
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=cfg.add_generation_prompt, return_dict=False)
    return {"input_ids": ids, "labels": list(ids)}


class ConversationRenderer:
    def __init__(self, tokenizer, add_generation_prompt=False):
        self.tokenizer = tokenizer
        self.add_generation_prompt = add_generation_prompt

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=self.add_generation_prompt)

    def encode(self, messages):
        return self.tokenizer(self.render(messages), add_special_tokens=False)


def pair_features(example, renderer):
    chosen = renderer.encode(example["messages"])
    return {"input_ids": chosen["input_ids"], "labels": chosen["input_ids"]}


def render_prompt(example, tokenizer, add_generation_prompt):
    text = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=add_generation_prompt)
    return {"prompt_text": text}


def render_row(example, tokenizer, add_generation_prompt):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=add_generation_prompt)
    return {"text": text}


def build(raw, tokenizer, model, args):
    fmt = partial(render_prompt, tokenizer=tokenizer, add_generation_prompt=True)
    prompts = raw.map(fmt)
    train = raw.map(to_features, fn_kwargs={"tokenizer": tokenizer})
    Trainer(model=model, args=args, train_dataset=train).train()
    return prompts


def build_pairs(raw, tokenizer, model, args):
    cfg = RenderConfig()
    renderer = ConversationRenderer(tokenizer, add_generation_prompt=cfg.add_generation_prompt)
    train = raw.map(pair_features, fn_kwargs={"renderer": renderer})
    Trainer(model=model, args=args, train_dataset=train).train()


def texts_for_training(raw, tokenizer):
    return raw.map(render_row, fn_kwargs={"tokenizer": tokenizer, "add_generation_prompt": False})


def texts_for_sampling(raw, tokenizer):
    return raw.map(render_row, fn_kwargs={"tokenizer": tokenizer, "add_generation_prompt": True})


@dataclass
class RenderOptions:
    add_generation_prompt: bool = True


def render_with(tokenizer, messages, opts: RenderOptions):
    """A wrapper that reads the switch off the options it is given: its callers decide, not the class's default."""
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=opts.add_generation_prompt)


def training_text(example, tokenizer):
    text = render_with(tokenizer, example["messages"], RenderOptions(add_generation_prompt=False))
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}


@dataclass
class PromptConfig:
    add_generation_prompt: bool = True


class RagPromptBuilder:
    def __init__(self, tokenizer, cfg: PromptConfig):
        self.tokenizer = tokenizer
        self.cfg = cfg

    def render(self, messages, add_generation_prompt=None):
        if add_generation_prompt is None:
            add_generation_prompt = self.cfg.add_generation_prompt
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


class SupervisedRagDataset:
    def __init__(self, records, builder: RagPromptBuilder):
        self.records = records
        self.builder = builder

    def __getitem__(self, idx):
        messages = self.records[idx]["messages"]
        assert messages[-1]["role"] == "assistant"
        prompt = self.builder.render(messages[:-1])
        full = self.builder.render(messages, add_generation_prompt=False)
        ids = self.builder.tokenizer(full, add_special_tokens=False)["input_ids"]
        n = len(self.builder.tokenizer(prompt, add_special_tokens=False)["input_ids"])
        return {"input_ids": ids, "labels": [-100] * n + ids[n:]}


def training_text_from_options(example, tokenizer):
    opts = RenderOptions(add_generation_prompt=False)
    text = render_with(tokenizer, example["messages"], opts)
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}


@dataclass
class TrainingTemplateOptions:
    add_generation_prompt: bool = False

    def render_kwargs(self):
        return {key: value for key, value in asdict(self).items() if value is not None}


def render_any(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)


def trajectory_features(example, tokenizer, options: TrainingTemplateOptions):
    text = render_any(tokenizer, example["messages"], **options.render_kwargs())
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}
