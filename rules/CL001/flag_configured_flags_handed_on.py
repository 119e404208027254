# The generation-prompt switch comes from a configuration dataclass of the module whose default is on: read directly
# in a `.map()` function, passed to the constructor of a renderer that a `.map()` function is handed through
# `fn_kwargs`, and bound by a `functools.partial` that is named first and then mapped. Each full conversation ends
# with an empty assistant header that is trained on. So it does when a wrapper reads the switch off the options
# object it is handed, which its callers build with the default or take annotated with the class.
from dataclasses import asdict, dataclass
from functools import partial

from transformers import Trainer


@dataclass
class DataConfig:
    add_generation_prompt: bool = True
    max_length: int = 2048


def to_features(example, tokenizer):
    cfg = DataConfig()
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=cfg.add_generation_prompt, return_dict=False)  # expect: CL001 "the default of the configuration field `DataConfig.add_generation_prompt`"
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
    chosen = renderer.encode(example["messages"])  # expect: CL001 "passed for `add_generation_prompt` by `ConversationRenderer(...)` (line 61), which defaults to `True`"
    return {"input_ids": chosen["input_ids"], "labels": chosen["input_ids"]}


def render_row(example, tokenizer, add_generation_prompt):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=add_generation_prompt)
    return {"text": text}


def build(raw, tokenizer, model, args):
    cfg = DataConfig()
    fmt = partial(
        render_row,
        tokenizer=tokenizer,
        add_generation_prompt=True,  # expect: CL001 "(set by `True` passed for the parameter `add_generation_prompt` by its callers"
    )
    texts = raw.map(fmt)
    train = raw.map(to_features, fn_kwargs={"tokenizer": tokenizer})
    Trainer(model=model, args=args, train_dataset=train).train()
    return texts, cfg


def build_pairs(raw, tokenizer, model, args):
    cfg = DataConfig()
    renderer = ConversationRenderer(tokenizer, add_generation_prompt=cfg.add_generation_prompt)
    train = raw.map(pair_features, fn_kwargs={"renderer": renderer})
    Trainer(model=model, args=args, train_dataset=train).train()


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
        ids = self.builder.tokenizer(self.builder.render(messages), add_special_tokens=False)["input_ids"]  # expect: CL001 "when not given"
        return {"input_ids": ids, "labels": list(ids)}


@dataclass
class ChatOptions:
    add_generation_prompt: bool = True
    max_length: int = 2048


def render_chat(tokenizer, messages, opts: ChatOptions):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=opts.add_generation_prompt)


def judge_features(example, tokenizer, opts: ChatOptions):
    text = render_chat(tokenizer, example["messages"], opts)  # expect: CL001 "the default of the configuration field `ChatOptions.add_generation_prompt`"
    ids = tokenizer(text, add_special_tokens=False, truncation=True, max_length=opts.max_length)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}


def default_options_features(example, tokenizer):
    text = render_chat(tokenizer, example["messages"], ChatOptions(max_length=1024))  # expect: CL001 "the default of the configuration field `ChatOptions.add_generation_prompt`"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}


@dataclass
class TemplateOptions:
    add_generation_prompt: bool = True

    def render_kwargs(self):
        return {key: value for key, value in asdict(self).items() if value is not None}


def render_any(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)


def trajectory_features(example, tokenizer, options: TemplateOptions):
    text = render_any(tokenizer, example["messages"], **options.render_kwargs())  # expect: CL001 "the default of the configuration field `TemplateOptions.add_generation_prompt`"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}
