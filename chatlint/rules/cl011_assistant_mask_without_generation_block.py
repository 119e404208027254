"""CL011: assistant-token masks asked of a chat template that has no `{% generation %}` block."""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from packaging.version import Version

from chatlint.facts import ModuleFacts
from chatlint.facts.syntax import code, keyword_value, shortened
from chatlint.facts.training_setup import InstalledTemplate, installed_templates, known_family, template_text
from chatlint.rules.base import Diagnostic, Rule

# trl 0.21.0's SFTTrainer raises on all-zero assistant masks; later releases also swap in training templates
_TRL_CHECKS_MASKS = Version("0.21.0")


class MaskRequest(enum.Enum):
    TEMPLATE_CALL = "return_assistant_tokens_mask"  # `apply_chat_template(..., return_assistant_tokens_mask=True)`
    TRAINER_CONFIG = "assistant_only_loss"  # trl's `SFTConfig(assistant_only_loss=True)`


class Request(NamedTuple):
    node: ast.AST
    kind: MaskRequest
    # `apply_chat_template(..., chat_template=...)`: the template this call renders with, when it passes one
    template: InstalledTemplate | None = None


def _requests(facts: ModuleFacts) -> Iterator[Request]:
    for template_call in facts.template_calls:
        if template_call.flag("return_assistant_tokens_mask").is_true and not template_call.deferred:
            given = keyword_value(template_call.call, "chat_template")
            template = None
            if given is not None:
                template = InstalledTemplate(given, template_text(given, template_call.function))
            yield Request(template_call.call, MaskRequest.TEMPLATE_CALL, template)
    for call, _, _ in facts.calls:
        for item in call.keywords:
            if item.arg == MaskRequest.TRAINER_CONFIG.value and isinstance(item.value, ast.Constant):
                if item.value.value is True:
                    yield Request(call, MaskRequest.TRAINER_CONFIG)


class AssistantMaskWithoutGenerationBlock(Rule):
    code = "CL011"
    name = "assistant-mask-without-generation-block"
    summary = "Assistant-token masks asked of a chat template without `{% generation %}`: every mask is all zeros"
    prefilter = ((b"return_assistant_tokens_mask", b"assistant_only_loss"),)
    enabled_by_default = False
    asks_versions_of = ("trl",)

    what_it_does = """
        Finds `apply_chat_template(..., return_assistant_tokens_mask=True)` and trl's `assistant_only_loss=True`
        where the chat template is known and has no `{% generation %}` block: a template the module installs
        (`tokenizer.chat_template = "..."`, `chat_template="..."`) whose text it shows, or, when it installs none, the
        template of a model family it loads that the knowledge table knows (Llama 3's and Qwen's official templates
        have no such block).

        For `assistant_only_loss=True` the message states the condition (trl before 0.21: from 0.21.0 on trl stops
        with an error on all-zero masks, and later releases swap in a training template for the models they know),
        and it stays quiet where the project pins trl 0.21 or later. A template passed to the call itself (`apply_chat_template(..., chat_template=TEMPLATE)`) is the one judged
        for that call. It stays quiet when the template is not visible (a variable, a file, a checkpoint the table does not know),
        and when an installed template has the block.

        Off by default: in released code it is too rare to show the project's precision standard (0.9 over at least
        20 judged findings on blind-labelled code); turn it on with `--extend-select CL011`.
        Measured on the same 21 released training packages: no finding (trl and unsloth_zoo check the masks at
        run time).
    """
    why_is_this_bad = """
        transformers builds the assistant mask from the spans the template marks with `{% generation %}` ...
        `{% endgeneration %}`. Without them the mask is all zeros: transformers only logs a warning (processors of
        vision models do not even warn), and a trainer that keeps only the masked tokens trains on nothing while the
        loss looks healthy (or is exactly zero).
    """
    example = """
        tokenizer.chat_template = (
            "{% for message in messages %}"
            "{{ '<|' + message['role'] + '|>\\n' + message['content'] + eos_token }}"
            "{% endfor %}"
        )
        encoded = tokenizer.apply_chat_template(
            conversation, return_dict=True, return_assistant_tokens_mask=True
        )
    """
    use_instead = """
        tokenizer.chat_template = (
            "{% for message in messages %}"
            "{% if message['role'] == 'assistant' %}"
            "{{ '<|assistant|>\\n' }}{% generation %}{{ message['content'] + eos_token }}{% endgeneration %}"
            "{% else %}{{ '<|' + message['role'] + '|>\\n' + message['content'] + eos_token }}{% endif %}"
            "{% endfor %}"
        )
        encoded = tokenizer.apply_chat_template(
            conversation, return_dict=True, return_assistant_tokens_mask=True
        )
    """
    fix_safety = """
        There is no fix: the template must mark the assistant's tokens with `{% generation %}` ...
        `{% endgeneration %}`, and where the spans go depends on the template.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        requests = list(_requests(facts))
        if not requests:
            return
        module_evidence = _template_evidence(facts)
        trl_handles_it = self._trl_handles_empty_masks()
        for request in requests:
            evidence = _call_evidence(request.template) if request.template is not None else module_evidence
            if not evidence or (request.kind is MaskRequest.TRAINER_CONFIG and trl_handles_it):
                continue
            asks = (
                "`return_assistant_tokens_mask=True` asks the chat template for the assistant tokens"
                if request.kind is MaskRequest.TEMPLATE_CALL
                else "`assistant_only_loss=True` trains only on the tokens the chat template marks as the assistant's"
            )
            outcome = (
                "so nothing is trained while the loss looks healthy"
                if request.kind is MaskRequest.TEMPLATE_CALL
                else "so with trl before 0.21 nothing is trained (later releases stop with an error on all-zero "
                "masks or swap in a training template for the models they know)"
            )
            message = (
                f"{asks}, but {evidence}: every assistant mask comes back all zeros (transformers only warns), "
                f"{outcome}; mark the replies with `{{% generation %}}` ... `{{% endgeneration %}}` in the template"
            )
            yield Diagnostic(node=request.node, message=message)

    def _trl_handles_empty_masks(self) -> bool:
        """The project pins trl releases that stop on all-zero assistant masks (0.21 and later)."""
        return _trl_versions_handle(self.dependencies.resolve("trl").versions)


def _trl_versions_handle(versions: tuple[Version, ...]) -> bool:
    return bool(versions) and all(version >= _TRL_CHECKS_MASKS for version in versions)


def _call_evidence(template: InstalledTemplate) -> str:
    """Words saying that the template passed to the call has no generation block, or "" (it has one, or its text is
    not visible)."""
    if template.has_generation_block is not False:
        return ""
    return f"the template it passes (`chat_template={_short(code(template.node))}`) has no `{{% generation %}}` block"


def _template_evidence(facts: ModuleFacts) -> str:
    """Words saying which template has no generation block, or "" when the module does not show one."""
    installed = installed_templates(facts)
    if installed:
        if any(template.text is None for template in installed):
            return ""
        missing = [template for template in installed if not template.has_generation_block]
        if len(missing) < len(installed):
            return ""
        first = missing[0].node
        line = getattr(first, "lineno", 0)
        return (
            f"the template the module installs (line {line}: `{_short(code(first))}`) has no `{{% generation %}}` block"
        )
    family = known_family(facts)
    if family is None or family.has_generation_block is not False:
        return ""
    return (
        f"the module loads a {family.name} checkpoint, whose official chat template has no `{{% generation %}}` block"
    )


def _short(text: str) -> str:
    return shortened(text, 50)
