# The nightly export: the flag comes from a nested configuration field of another module, the conversations from a
# generator of another module, the text from a called renderer instance.
import json

from transformers import AutoTokenizer

from .config import ExportConfig, ServiceConfig
from .records import ChatLog, FeedbackStore
from .render import ChatRenderer
from .templating import ConfiguredRenderer, render_ids


class SFTExporter:
    def __init__(self, cfg: ServiceConfig):
        self.cfg = cfg
        self.tokenizer = AutoTokenizer.from_pretrained(cfg.model)

    def build(self, conversation):
        ids = self.tokenizer.apply_chat_template(
            conversation,
            add_generation_prompt=self.cfg.render.add_generation_prompt,
            return_dict=False,
        )
        return {"input_ids": ids, "labels": list(ids)}


class PromptExporter:
    """Its configuration's nested render settings default the generation prompt off: quiet."""

    def __init__(self, cfg: ExportConfig):
        self.cfg = cfg
        self.tokenizer = AutoTokenizer.from_pretrained(cfg.model)

    def build(self, conversation):
        ids = self.tokenizer.apply_chat_template(
            conversation,
            add_generation_prompt=self.cfg.render.add_generation_prompt,
            return_dict=False,
        )
        return {"input_ids": ids, "labels": list(ids)}


def export_liked(out_path):
    cfg = ServiceConfig()
    exporter = SFTExporter(cfg)
    store = FeedbackStore(cfg.feedback_path)
    with open(out_path, "w") as handle:
        for conv in store.liked_conversations():
            handle.write(json.dumps(exporter.build(conv)) + "\n")  # expect: CL001 "each item of what `store.liked_conversations()` (fbexport/records.py:10) yields"


def export_asked(out_path):
    """The generator yields the requests (the reply cut off): a prompt takes the generation prompt, quiet."""
    cfg = ServiceConfig()
    exporter = SFTExporter(cfg)
    store = FeedbackStore(cfg.feedback_path)
    with open(out_path, "w") as handle:
        for conv in store.asked_conversations():
            handle.write(json.dumps(exporter.build(conv)) + "\n")


def export_liked_without_header(out_path):
    """The same conversations with a configuration whose generation prompt is off: quiet."""
    exporter = PromptExporter(ExportConfig())
    store = FeedbackStore("feedback.jsonl")
    with open(out_path, "w") as handle:
        for conv in store.liked_conversations():
            handle.write(json.dumps(exporter.build(conv)) + "\n")


def export_logs(logs: list[ChatLog], renderer: ChatRenderer, out_path):
    with open(out_path, "w") as handle:
        for log in logs:
            handle.write(json.dumps({"text": renderer(log.conversation())}) + "\n")  # expect: CL001 "through the wrapper `ChatRenderer.__call__` (fbexport/render.py:10)"


def export_requests(logs: list[ChatLog], renderer: ChatRenderer, out_path):
    """The renderer is handed the requests: quiet."""
    with open(out_path, "w") as handle:
        for log in logs:
            handle.write(json.dumps({"prompt": renderer(log.request())}) + "\n")


def export_configured(logs: list[ChatLog], renderer: ConfiguredRenderer, out_path):
    """The imported renderer's flag is its configuration's field, which defaults to True."""
    with open(out_path, "w") as handle:
        for log in logs:
            handle.write(json.dumps({"text": renderer(log.conversation())}) + "\n")  # expect: CL001 "(set by the default of the configuration field `RenderConfig.add_generation_prompt`"


def build_example(log: ChatLog, tokenizer, cfg: ServiceConfig):
    """The imported wrapper given the nested configuration's field (True by default) for a full conversation."""
    ids = render_ids(tokenizer, log.conversation(), add_generation_prompt=cfg.render.add_generation_prompt)  # expect: CL001 "(set by the default of the configuration field"
    return {"input_ids": ids, "labels": list(ids)}


def build_prompt_example(log: ChatLog, tokenizer, cfg: ExportConfig):
    """The same with the export configuration, whose field defaults to False: quiet."""
    ids = render_ids(tokenizer, log.conversation(), add_generation_prompt=cfg.render.add_generation_prompt)
    return {"input_ids": ids, "labels": list(ids)}
