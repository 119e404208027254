"""CL004: the pad token is the EOS token, and labels are masked wherever they equal the pad id."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from chatlint.facts import FunctionInfo, ModuleFacts
from chatlint.facts.flags import passed_value
from chatlint.facts.padding import (
    LOSS_MASK_NAME,
    PadAssignment,
    ValueMask,
    hands_a_tokenizer,
    pad_eos_assignments,
    padded_tokenizer,
    value_masks,
)
from chatlint.facts.sft_trainer import pretokenized, trl_imports
from chatlint.facts.summary import PAD_SET_TO_EOS, TOKENIZER_LOADER_CALL, ModuleSummary, PadLoader
from chatlint.facts.syntax import called_name, dotted_name, is_partial, is_self_attribute, keyword_value, own_nodes
from chatlint.findings import Related
from chatlint.knowledge.model_families import EOS_END_OF_TURN
from chatlint.rules.base import Diagnostic, Rule

_IGNORE_AS_VALUE = re.compile(rb"(?<!type: )(?i:ignore)\w*[ \t]*(?:[\]),=:\r\n]|$)")
# `response_mask = (response_ids != pad_id)...`: a loss mask assigned (`LOSS_MASK_NAME`)
_LOSS_MASK_SET = re.compile(rb"(?i:" + LOSS_MASK_NAME.pattern.encode() + rb")[ \t]*=[^=]")


class PadEosMaskedByValue(Rule):
    code = "CL004"
    name = "pad-eos-masked-by-value"
    summary = "`pad_token = eos_token` while labels are masked by value: every EOS target is dropped"
    prefilter = (
        (b"pad_token", b"pad_id"),
        (b"eos_token", b"eos_id", *sorted(token.encode() for token in EOS_END_OF_TURN)),
        (PAD_SET_TO_EOS,),
        # the ignore value of a mask: `-100`, or a name with "ignore" in it used as a value (`IGNORE_INDEX`,
        # `self.ignore_index)`, `ignore_index=`), not the word in `# type: ignore`; or a loss mask made by value
        (
            b"-100",
            b"DataCollatorFor",
            b"SFTTrainer(",
            b"GKDTrainer(",
            b"PPOTrainer(",
            b"PPOv2Trainer(",
            _IGNORE_AS_VALUE,
            _LOSS_MASK_SET,
        ),
    )
    # a module that trains with a collator or trainer that masks by value, whose tokenizer an imported function may
    # have padded with EOS (`tokenizer = utils.get_tokenizer(config)`)
    also_prefilter = (
        (b"DataCollatorFor", b"SFTTrainer(", b"GKDTrainer(", b"PPOTrainer(", b"PPOv2Trainer("),
        (TOKENIZER_LOADER_CALL,),
    )
    asks_versions_of = ("trl",)

    what_it_does = """
        Finds code that makes the pad token the end-of-sequence token (`tokenizer.pad_token =
        tokenizer.eos_token`, `tokenizer.pad_token_id = tokenizer.eos_token_id`, `pad_token=tokenizer.eos_token`
        in a tokenizer call, `add_special_tokens({"pad_token": tokenizer.eos_token})`, or the text of a known
        family's end-of-turn token that is its EOS: `tokenizer.pad_token = "<|eot_id|>"` for Llama 3,
        `"<|im_end|>"` for Qwen, also read from a table of the module that holds only such tokens:
        `PAD_FALLBACK[family]`) in a module that also
        masks labels *by value*: `labels[labels == pad_token_id] = -100`, `torch.where(ids ==
        tokenizer.pad_token_id, -100, ids)`, `labels.masked_fill(labels == pad_id, -100)` (the value written may be
        a name for it: `IGNORE_INDEX`, `self.label_pad`), a mask made from the pad value under another name
        (`attention_mask = input_ids.ne(pad_token_id)`, then `labels[~attention_mask] = -100`), a comprehension doing
        the same, a loss that ignores the targets equal to the pad id (`nn.CrossEntropyLoss(ignore_index=
        tokenizer.pad_token_id)`, `F.cross_entropy(..., ignore_index=pad_id)`; not one with `reduction="none"`,
        a score per token as perplexity evaluations compute), a mask of the tokens a loss counts made the same way
        (an RL trainer's `response_mask = (response_ids != pad_id).float()`, `completion_mask =
        completion_ids.ne(tokenizer.pad_token_id)`; named for completions, responses or the loss, not an attention
        mask), or a collator that does it inside (`DataCollatorForLanguageModeling(..., mlm=False)`, trl's
        `DataCollatorForCompletionOnlyLM`). A pad id that falls back to the EOS id when the tokenizer has no pad
        token (`pad_id = tokenizer.pad_token_id or tokenizer.eos_token_id`) counts as padding with EOS. The finding
        is reported at the pad assignment and names the masking.

        It stays quiet when padding is masked by position (the attention mask, padding lengths), when the pad
        token is a different token, when the masking sits under a test that compares the pad and EOS ids or in the
        body of a test for an encoder-decoder model (`if model.config.is_encoder_decoder:`, `if family ==
        "seq2seq_lm":`: T5's and BART's tokenizers have a pad token of their own), and in code that builds no
        labels. A fallback for a tokenizer without a pad token (`if tokenizer.pad_token is None: tokenizer.pad_token =
        tokenizer.eos_token`) on a tokenizer that unsloth loaded in the function (`model, tokenizer =
        FastLanguageModel.from_pretrained(...)`) is no pad = EOS: unsloth's loader gives such a tokenizer a reserved
        pad token of its own (unsloth_zoo's `patch_tokenizer`), so the fallback never runs; nor is one on a tokenizer
        the function loads once from a checkpoint it names (a literal, a constant, a constant of a plain class of the
        module: `Config.BASE_MODEL`; not a default, which a run replaces) whose tokenizer has a pad token that is not
        its EOS (Qwen's chat checkpoints: `<|endoftext|>` pads, `<|im_end|>` ends; Gemma 1 to 3: `<pad>` and `<eos>`). `model.config.pad_token_id` and `generate(pad_token_id=...)` are not the
        tokenizer's padding and are not looked at.

        trl's `SFTTrainer` built without a `data_collator` counts as such a collator when the project's declared
        trl versions include one before 0.17: up to 0.16 it pads with transformers' `DataCollatorForLanguageModeling`
        (masking every label equal to the pad id); 0.17 replaced it with a collator that masks padding by position
        (trl PR 3200). trl's `GKDTrainer` counts the same way when the declared versions include one before 1.9:
        from 0.11 to 1.8 the completions it generates on policy (a share `lmbda` of the batches, 0.5 by default) get
        every label equal to the pad id set to -100; 1.9 masks them by position. A module whose `GKDConfig` sets
        `lmbda=0` generates nothing and is left alone. With no trl version declared, or `trl` declared without a
        version, neither trainer is counted (a new install gets a fixed release), unless the `SFTTrainer(...)` call
        passes a keyword only such releases take (itself, or in a `**mapping` the code shows): `tokenizer=`
        (removed in 0.16) or one 0.13 moved to `SFTConfig` (`dataset_text_field=`, `max_seq_length=`, `packing=`,
        ...), to trl's trainer (imported from trl), in a module whose training text holds EOS targets (it renders
        or installs chat templates, packs a dataset of texts, writes the EOS token into text, or tells the
        tokenizer to append it, `tokenizer.add_eos_token = True`; hand-built text without one has only padding to
        lose). A pad = EOS assignment on a tokenizer the function first loads after the mask (`tok =
        AutoTokenizer.from_pretrained(...)` to push a merged model, after the trainer) pads another object, and is
        not paired with it. trl's `PPOTrainer` (the one trl 0.12 made, built with
        `processing_class=`, `reward_model=` or `value_model=`; `trl.experimental.ppo` later,
        up to at least 1.10; `PPOv2Trainer` before 0.12) counts in every release that has it, for a pad = EOS assignment in the function that builds it: it ends each
        sampled response at its first pad id and drops what follows from the loss, so with pad = EOS the EOS that
        ends a response is never trained on.

        Across modules: a pad = EOS assignment in a module that imports a collator, dataset or trainer (by name, or
        through its module imported whole: `import collate`, then `collate.PadCollator(tok)`) whose code masks labels
        by value is reported at the assignment, naming the mask in the other module (not one in a function that
        calls `generate()` and neither trains, `trainer.train()`, nor builds labels, itself or in a function defined
        in it: that tokenizer is padded for generation); a function of another module that builds a collator of a
        third module and hands it the tokenizer (`build_trainer(model, tok, ds)` returning `Trainer(...,
        data_collator=PadCollator(tok))`) masks as that collator does. The other
        way round, a module that masks labels by value (itself, with such a collator, or with an old trl's
        `SFTTrainer`) and calls an imported function that sets the pad token to EOS and returns (a
        `get_tokenizer(config)` helper in `utils.py`, or a `load_processor` whose processor's tokenizer it pads) is reported at the mask, naming the assignment. A module that
        does neither, but gets its tokenizer from such a function and hands it to an imported collator (or
        dataset, trainer) that masks by value (`PaddedCollator(tokenizer)`) is reported at that call, naming both;
        the function is named for loading a tokenizer (`setup_tokenizer`) or its result is bound to a name
        `tokenizer` (`model, tokenizer = load_policy(args.model)`), and it is called in the function that hands the
        tokenizer on (or at the module's top), or kept on `self` by another method of its class (`self.tok =
        load_tokenizer()` in `__init__`, then `RightPadCollator(pad_id=self.tok.pad_token_id)`; also one of several
        it returns, `self.policy, self.tokenizer = load_models(cfg)`); a collate function of another module bound with
        the pad id by `functools.partial` (`partial(collate_episodes, pad_id=self.tokenizer.pad_token_id)`, handed
        to a `DataLoader` as its `collate_fn`) is such a collator. A class of the project whose constructor makes
        its tokenizer pad with EOS (`self.hf.pad_token = self.hf.eos_token` in `PadTokenizer.__init__`), given to a
        class of another module in a parameter annotated with it (`def __init__(self, tokenizer: PadTokenizer)`),
        counts for the masks by value of that class's methods (`labels[labels == self.tokenizer.pad_token_id] =
        -100`), reported at the mask; one that masks by the attention mask is left alone.
        A collator masks by value also through a function it hands the pad id to, of its own module or of another
        (`label_utils.drop_padding(batch["input_ids"], self.tokenizer.pad_token_id)`), also one that masks the labels
        equal to a parameter of any name (`drop_token(labels, token_id)`) where the pad id is handed to that
        parameter (not where another id is: `drop_token(labels, self.image_token_id)`). A module-level function
        that returns an instance of such a collator class of its module (`make_collator(tokenizer)`) counts as one.
        A `Trainer` subclass that
        masks labels equal to its `processing_class`'s pad id counts as such a trainer, and a loader may return
        the tokenizer in a tuple (`model, tokenizer = load_model_and_tokenizer(cfg)`). A function that hands the
        tokenizer it is given to a method of its module's class that pads it with EOS counts too
        (`get_template_and_fix_tokenizer(tokenizer, name)` calling `template.fix_special_tokens(tokenizer)`, the
        template built there or fetched from a registry when only one class of the module has that method), and so
        does a module-level function that pads what it is handed, called by name or as a value of a dict of the
        module whose key a run picks (`PADDING_CHOICES[args.padding](tok)` with `"eos": _reuse_eos`): one choice
        pads with EOS.

        Within a module, a mask is paired with the pad = EOS assignments of its own function when that function
        pads its own tokenizer (two training functions, each loading and padding a tokenizer: the classifier's
        assignment is not reported for the language model's collator).
    """
    why_is_this_bad = """
        Once padding *is* EOS, "every label equal to the pad id" also means every real EOS / end-of-turn token
        at the end of each reply. Masking them by value drops exactly the targets that teach the model to stop:
        the fine-tuned model rambles on past its answer. The loss looks fine.
    """
    example = """
        tokenizer.pad_token = tokenizer.eos_token

        def collate(batch):
            encoded = tokenizer(batch["text"], padding=True, return_tensors="pt")
            input_ids = encoded["input_ids"]
            encoded["labels"] = input_ids.masked_fill(input_ids == tokenizer.pad_token_id, -100)
            return encoded
    """
    use_instead = """
        tokenizer.add_special_tokens({"pad_token": "<|pad|>"})  # a dedicated pad token (resize the embeddings)

        def collate(batch):
            encoded = tokenizer(batch["text"], padding=True, return_tensors="pt")
            input_ids = encoded["input_ids"]
            # or mask padding by position: the attention mask, not the token value
            encoded["labels"] = input_ids.masked_fill(encoded["attention_mask"] == 0, -100)
            return encoded
    """
    fix_safety = """
        There is no fix: the right change (a dedicated pad token, which may need `model.resize_token_embeddings`,
        or masking by position) depends on the model and the collator.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        assignments = pad_eos_assignments(facts)
        if not assignments:
            yield from self._loaded_tokenizers(facts)
            return
        masks = value_masks(facts) + self._library_masks(facts)
        imported = facts.links.masks(facts.source.text) if facts.links else []
        if not masks and not imported:
            return
        # (a function that masks and sets its own tokenizer's pad token, or is defined in one that does, is about
        # that one, not another function's)
        setters = {id(assignment.function): assignment.function for assignment in assignments}
        for assignment in assignments:
            related = [
                mask
                for mask in masks
                if _related(assignment, mask, facts.functions)
                and _setter_around(mask.function, setters) in (None, assignment.function)
            ]
            if related:
                # the nearest evidence first: a mask in the same function as the assignment
                first = min(related, key=lambda mask: mask.function is not assignment.function)
                more = f" (and {len(related) - 1} more)" if len(related) > 1 else ""
                yield Diagnostic(
                    node=assignment.node, message=_message(assignment, f"line {first.node.lineno}", first.text, more)
                )
            elif imported and _hands_tokenizer_on(assignment, facts):
                mask, summary = imported[0]
                more = f" (and {len(imported) - 1} more)" if len(imported) > 1 else ""
                where = f"`{mask.owner}` ({summary.place(mask.line)})"
                places = tuple(
                    Related(other.path, item.line, f"`{item.owner}` masks labels by value") for item, other in imported
                )
                yield Diagnostic(
                    node=assignment.node, message=_message(assignment, where, mask.text, more), related=places
                )

    def _loaded_tokenizers(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        """A module that sets no pad token itself, but gets its tokenizer from a function of another module that
        pads with EOS (`tokenizer = utils.get_tokenizer(config)`) and masks labels by value: reported at each
        mask, naming the assignment in the other module."""
        if not facts.links:
            return
        # a tokenizer loaded to generate only (its caller generates and builds no labels) is not the one masked
        loaded = [
            (call, function, found)
            for call, function, _ in facts.calls
            if not _generates_only(function, facts.functions)
            and (found := facts.links.pad_loader(call.func)) is not None
        ]
        if not loaded:
            yield from self._annotated_loaders(facts)
            return
        masks = value_masks(facts) + self._library_masks(facts)
        if not masks:
            yield from self._handed_to_imported_masks(facts, loaded)
        for mask in masks:
            if _generates_only(mask.function, facts.functions):
                continue
            # the nearest evidence first: a loader called in the function that masks
            call, _, (loader, summary) = min(loaded, key=lambda item: item[1] is not mask.function)
            where = f"`{facts.code(call.func)}` ({summary.place(loader.line)})"
            related = (_padding_place(loader, summary),)
            yield Diagnostic(
                node=mask.node,
                message=(
                    f"the tokenizer {_path_of(loader)} {where}, which sets `{loader.text}`, making padding the "
                    f"EOS token, "
                    f"and here labels are masked by value: {mask.text}; {_CONSEQUENCE}"
                ),
                related=related,
            )

    def _annotated_loaders(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        """A class of the module given, in a parameter annotated with it, an instance of a class of another module
        whose constructor makes its tokenizer pad with EOS (`def __init__(self, tokenizer: OwnTokenizer)`), that
        masks labels by value in its methods (`labels[labels == self.tokenizer.pad_token_id] = -100`): reported at
        each mask, naming the assignment in the other module."""
        assert facts.links is not None
        annotated = [
            (function, param.annotation, found)
            for function in facts.functions
            for param in function.params.values()
            if param.annotation is not None and (found := facts.links.pad_loader(param.annotation)) is not None
        ]
        if not annotated:
            return
        for mask in value_masks(facts):
            cls = mask.function.self_class
            near = [
                item
                for item in annotated
                if item[0] is mask.function or (cls is not None and item[0].self_class is cls)
            ]
            if not near or _generates_only(mask.function, facts.functions):
                continue
            _, annotation, (loader, summary) = near[0]
            yield Diagnostic(
                node=mask.node,
                message=(
                    f"the tokenizer is an instance of `{facts.code(annotation)}` ({summary.place(loader.line)}), "
                    f"which sets `{loader.text}`, making padding the EOS token, and here labels are masked by "
                    f"value: {mask.text}; {_CONSEQUENCE}"
                ),
                related=(_padding_place(loader, summary),),
            )

    def _handed_to_imported_masks(
        self, facts: ModuleFacts, loaded: list[tuple[ast.Call, FunctionInfo, tuple[PadLoader, ModuleSummary]]]
    ) -> Iterable[Diagnostic]:
        """A module that masks nothing itself, but gets its tokenizer from a function of another module that pads
        with EOS (`tokenizer = setup_tokenizer(name)`) and hands it to a collator (or dataset, trainer) of another
        module that masks labels by value (`ChatCollator(tokenizer)`): reported at that call, naming both."""
        assert facts.links is not None
        masks = facts.links.masks(facts.source.text)
        if not masks:
            return
        for call, function, _ in facts.calls:
            # (a collate function bound with the pad id: `functools.partial(collate, pad_id=tok.pad_token_id)`)
            callee = call.args[0] if is_partial(call) and call.args else call.func
            resolved = facts.links.resolve(callee)
            if resolved is None or _generates_only(function, facts.functions):
                continue
            found = [(mask, summary) for mask, summary in masks if mask.owner == resolved[1]]
            if not found:
                continue
            # the tokenizer loaded in the function that hands it on, or at the module's top (another function may
            # load its own: `model, tokenizer = load_padded_policy()`)
            near = (
                [item for item in loaded if item[1] is function]
                or [item for item in loaded if _kept_on_self(item, function, call)]
                or [item for item in loaded if item[1].is_module]
            )
            if not near or not (hands_a_tokenizer(call) or _hands_a_loaded(call, function, near)):
                continue
            loader_call, _, (loader, loader_summary) = near[0]
            mask, mask_summary = found[0]
            yield Diagnostic(
                node=call,
                message=(
                    f"the tokenizer {_path_of(loader)} `{facts.code(loader_call.func)}` "
                    f"({loader_summary.place(loader.line)}), which sets `{loader.text}`, making padding the EOS "
                    f"token, and `{facts.code(callee)}` masks labels by value "
                    f"({mask_summary.place(mask.line)}): {mask.text}; {_CONSEQUENCE}"
                ),
                related=(
                    _padding_place(loader, loader_summary),
                    Related(mask_summary.path, mask.line, f"`{mask.owner}` masks labels by value"),
                ),
            )

    def _library_masks(self, facts: ModuleFacts) -> list[ValueMask]:
        """trl trainers whose releases the project may run mask labels equal to the pad id inside: `SFTTrainer(...)`
        without a `data_collator` before 0.17 (its default collator), and `GKDTrainer(...)` before 1.9 (the
        completions it generates on policy), unless its config turns generation off (`lmbda=0`)."""
        found = []
        for call, function, _ in facts.calls:
            default = _TRL_DEFAULT_MASKS.get(called_name(call) or "")
            if default is None or any(item.arg == default.own_collator for item in call.keywords):
                continue
            if default.masks_nothing(facts) or not default.applies(call):
                continue
            allowing = self._trl_allowing_below(default.fixed) if default.fixed else ""
            if (
                allowing is None
                and default.old_keywords
                and not self._trl_versioned()
                # (trl's trainer, not a project's own of that name: OpenRLHF's `SFTTrainer`)
                and called_name(call) in trl_imports(facts, default.trainer)
                and _trains_on_eos(call, function, facts)
            ):
                # no trl version declared, but the call passes a keyword only old releases take: it runs on one
                allowing = _old_keyword(call, function, default.old_keywords)
            if allowing is not None:
                words = default.words.format(allowing=allowing)
                found.append(ValueMask(call, function, words, "", same_function=default.same_function))
        return found

    def _trl_versioned(self) -> bool:
        """Does the project declare a version (a specifier) of trl?"""
        return any(len(item.specifier) > 0 for item in self.dependencies.resolve("trl").declarations)

    def _trl_allowing_below(self, release: str) -> str | None:
        """The declared trl requirement that allows a release before `release`, in words; None when none does (or
        trl's version is not declared, or declared without a version, `trl` alone: a new install gets the newest
        release)."""
        resolution = self.dependencies.resolve("trl")
        versioned = tuple(item for item in resolution.declarations if len(item.specifier) > 0)
        allowing = resolution._replace(declarations=versioned).allowing_below(release)
        if allowing is None:
            return None
        if allowing.exact is not None:
            return f"trl {allowing.exact} in {allowing.where}"
        return f"`{allowing.text}` in {allowing.where}"


def _gkd_off_policy_only(facts: ModuleFacts) -> bool:
    """Does the module build its GKD config with `lmbda=0` (no batch is generated on policy)?"""
    for call, _, _ in facts.calls:
        if called_name(call) == "GKDConfig":
            value = keyword_value(call, "lmbda")
            if isinstance(value, ast.Constant) and value.value == 0:
                return True
    return False


class _DefaultMask(NamedTuple):
    trainer: str
    fixed: str  # the first trl release that masks padding by position ("": none, in every release that has it)
    own_collator: str  # the keyword that gives the trainer the caller's collator instead ("" when none does)
    words: str
    # what in the module says the trainer masks nothing by value (its config generates nothing on policy)
    masks_nothing: Callable[[ModuleFacts], bool] = lambda facts: False
    # the construction is of this trainer (not of an older class of the same name with another API)
    applies: Callable[[ast.Call], bool] = lambda call: True
    # only a pad = EOS assignment in the function that builds the trainer counts (see `ValueMask.same_function`)
    same_function: bool = False
    # keywords of the trainer that only releases before `fixed` take, with the first release that refuses each: a
    # call that passes one runs on such a release, whatever the project declares (or does not)
    old_keywords: tuple[tuple[str, str], ...] = ()


# a line that mentions the EOS token other than to make it the pad token
_EOS_USE = re.compile(r"^(?!.*pad_token(?:_id)?\s*=).*\beos_token", re.MULTILINE)
# the tokenizer appends EOS to every text it encodes (Llama's and Mistral's slow and fast tokenizers)
_ADDS_EOS = re.compile(r"add_eos_token\s*=\s*True")


def _trains_on_eos(call: ast.Call, function: FunctionInfo, facts: ModuleFacts) -> bool:
    """Does what the trainer trains on hold EOS targets, as far as the module shows: it renders chat templates or
    installs one for the trainer to render conversations with (templates end turns with one), packs (old trl joins
    the packed texts with EOS, unless the dataset is ids already), or writes the EOS token into text? A module that
    tokenizes hand-built text with none has only padding to mask. A tokenizer told to append EOS itself
    (`tokenizer.add_eos_token = True`) puts one at the end of every text."""
    text = facts.source.text
    if "chat_template" in text or _EOS_USE.search(text) or _ADDS_EOS.search(text):
        return True
    packing = passed_value(call, "packing", function)
    if packing is None or (isinstance(packing, ast.Constant) and packing.value is False):
        return False
    return not pretokenized(call, function, facts)  # (a dataset of ids is neither tokenized nor packed)


def _old_keyword(call: ast.Call, function: FunctionInfo, keywords: tuple[tuple[str, str], ...]) -> str | None:
    """The words for the first of `keywords` the call passes, itself or in a `**mapping` the code shows
    (`trainer_kwargs = dict(tokenizer=tok, ...)`): "its keyword `tokenizer=`, which trl takes only before 0.16"."""
    for name, refused_from in keywords:
        if passed_value(call, name, function) is not None:
            return f"its keyword `{name}=`, which trl takes only before {refused_from.removesuffix('.0')}"
    return None


# `SFTTrainer` keywords trl removed: `tokenizer=` in 0.16.0 (read in the 0.15.2 and 0.16.0 wheels), and those that
# moved to `SFTConfig` in 0.13.0 (read in the 0.12.2 and 0.13.0 wheels)
_OLD_SFT_KEYWORDS = (
    ("tokenizer", "0.16.0"),
    *(
        (name, "0.13.0")
        for name in (
            "dataset_text_field",
            "packing",
            "max_seq_length",
            "dataset_num_proc",
            "dataset_batch_size",
            "neftune_noise_alpha",
            "model_init_kwargs",
            "dataset_kwargs",
            "eval_packing",
            "num_of_sequences",
            "chars_per_token",
        )
    ),
)


def _ppo_trainer_of_trl_0_12_on(call: ast.Call) -> bool:
    """`PPOTrainer(args=..., processing_class=..., reward_model=..., value_model=...)`: the trainer trl 0.12 made
    (PPOv2, `trl.experimental.ppo` from 0.2x), not the `PPOTrainer(config, model, ref_model, tokenizer)` before it,
    whose `step()` takes each response as a tensor of its own length."""
    return any(item.arg in ("value_model", "reward_model", "processing_class") for item in call.keywords)


_TRL_DEFAULT_MASKS = {
    default.trainer: default
    for default in (
        # trl's SFTTrainer stopped padding with transformers' `DataCollatorForLanguageModeling` (which masks every
        # label equal to the pad id) in 0.17.0: "Fix SFT masking EOS when equal to PAD", trl PR 3200, read in trl's
        # history
        _DefaultMask(
            "SFTTrainer",
            "0.17.0",
            "data_collator",
            "`SFTTrainer(...)` has no `data_collator`, and trl before 0.17 ({allowing}) pads with transformers' "
            "`DataCollatorForLanguageModeling`, which sets every label equal to the pad id to -100",
            old_keywords=_OLD_SFT_KEYWORDS,
        ),
        # GKDTrainer (trl 0.11.0 to 1.8.0, read in the released wheels; `trl/experimental/gkd/` from 0.2x) trains on
        # completions the student generates (`lmbda`, 0.5 by default, of the batches) and builds their labels in
        # `generate_on_policy_outputs` with `new_labels[new_labels == pad_token_id] = -100`, the pad id of its
        # `processing_class`; 1.9.0 masks by position (up to the first EOS) instead
        _DefaultMask(
            "GKDTrainer",
            "1.9.0",
            "",
            "`GKDTrainer(...)` trains on completions it generates, and trl before 1.9 ({allowing}) sets every "
            "label of those equal to the pad id to -100 (`generate_on_policy_outputs`)",
            _gkd_off_policy_only,
        ),
        # PPOTrainer (read in trl 0.12.2, 0.16.0, 0.29.1, 1.5.0, 1.9.0 and 1.10.0: `trl/trainer/ppo_trainer.py`, then
        # `trl/experimental/ppo/`; PPOv2Trainer before 0.12, read in 0.11.4) ends each response at its first pad id
        # (`first_true_indices(postprocessed_response == processing_class.pad_token_id) - 1`) and fills the
        # log-probs after it with `INVALID_LOGPROB`: with pad = EOS the EOS that ends a response is cut off with the
        # padding, and never trained on; no release changed it
        *(
            _DefaultMask(
                trainer,
                "",
                "",
                f"`{trainer}(...)` ends each response at its first pad id and drops what follows from the loss "
                "(every trl release that has it, `first_true_indices(postprocessed_response == pad_token_id)`)",
                applies=applies,
                same_function=True,
            )
            for trainer, applies in (("PPOTrainer", _ppo_trainer_of_trl_0_12_on), ("PPOv2Trainer", lambda call: True))
        ),
    )
}


# what every finding says follows, and what to do
_CONSEQUENCE = (
    "every EOS / end-of-turn target is masked with the padding, so the model never learns to stop. Use a dedicated "
    "pad token, or mask padding by position (the attention mask)"
)


def _message(assignment: PadAssignment, where: str, mask: str, more: str) -> str:
    return f"`{assignment.text}` makes padding the EOS token, and {where} masks labels by value: {mask}{more}; {_CONSEQUENCE}"


def _padding_place(loader: PadLoader, summary: ModuleSummary) -> Related:
    """The related place of another module's assignment that makes padding the EOS token."""
    return Related(summary.path, loader.line, f"`{loader.name}` makes padding the EOS token")


def _generates_only(function: FunctionInfo, functions: Sequence[FunctionInfo]) -> bool:
    """The function calls `generate()` and trains nothing: its tokenizer is padded for generation. A function that
    generates and also runs a training loop (`trainer.train()`), builds labels, or builds them in a function defined
    in it (`def tokenize_function(examples)` handed to `.map()`) trains too."""
    return (
        function.calls_generate
        and not function.labels_evidence
        and not function.calls_train
        and not any(inner.labels_evidence and _defined_in(inner, function) for inner in functions)
    )


def _kept_on_self(loaded: tuple[ast.Call, FunctionInfo, object], function: FunctionInfo, call: ast.Call) -> bool:
    """Is the loader call's result kept on an attribute of `self` by another method of the function's class
    (`self.tokenizer = load_tokenizer()` in `__init__`), and does the call hand that attribute on
    (`PadAndMaskCollator(pad_token_id=self.tokenizer.pad_token_id)` in `train_dataloader`)?"""
    loader_call, method, _ = loaded
    if function.cls is None or method.cls is not function.cls:
        return False
    kept = {
        f"self.{attribute}"
        for node in own_nodes(method.node)
        if isinstance(node, ast.Assign) and any(inner is loader_call for inner in ast.walk(node.value))
        for target in node.targets
        # (also one of several: `self.policy, self.tokenizer = load_models(cfg)`)
        for each in (target.elts if isinstance(target, ast.Tuple) else (target,))
        if (attribute := is_self_attribute(each))
    }
    handed = (*call.args, *(item.value for item in call.keywords))
    return any(
        (name := dotted_name(inner)) is not None and name in kept for value in handed for inner in ast.walk(value)
    )


def _hands_a_loaded(
    call: ast.Call, function: FunctionInfo, loaded: Sequence[tuple[ast.Call, FunctionInfo, object]]
) -> bool:
    """Does the call hand on what a loader call gave, as it is (`make_collator(bundle, cfg)` with `bundle =
    ModelBundle(cfg)`, whose constructor pads the tokenizer it keeps)?"""
    calls = {id(item[0]) for item in loaded}
    return any(
        isinstance(value, ast.Name)
        and any(id(assigned) in calls for assigned in function.assignments.get(value.id, ()))
        for value in (*call.args, *(item.value for item in call.keywords))
    )


def _hands_tokenizer_on(assignment: PadAssignment, facts: ModuleFacts) -> bool:
    """A pad token set on the tokenizer itself (not a local id), outside a function that only generates: the
    tokenizer an imported collator or dataset masks labels with."""
    return assignment.local_name is None and not _generates_only(assignment.function, facts.functions)


def _related(assignment: PadAssignment, mask: ValueMask, functions: Sequence[FunctionInfo]) -> bool:
    setter = assignment.function
    if mask.same_function and setter is not mask.function:
        return False
    if setter is not mask.function and not _defined_in(mask.function, setter) and _generates_only(setter, functions):
        # a tokenizer padded for `generate()` in its own function is not the one another function masks labels with
        # (a function defined in it, `def tokenize_function(examples)` handed to `.map()`, masks with that very one)
        return False
    if setter is mask.function and _loaded_after(assignment, mask):
        return False
    if assignment.local_name is None:
        return True
    # `pad_token_id = tokenizer.eos_token_id` is a local: it only masks EOS where that very name is compared
    return mask.function is assignment.function and mask.compared == assignment.local_name


def _loaded_after(assignment: PadAssignment, mask: ValueMask) -> bool:
    """Is the tokenizer the assignment pads (`tok.pad_token = tok.eos_token`) first bound in the function after the
    mask (`tok = AutoTokenizer.from_pretrained(...)` to push a merged model, after the trainer): another object than
    the one the mask compares with."""
    owner = padded_tokenizer(assignment.node)
    if owner is None or owner.id in assignment.function.params:
        return False
    bound = assignment.function.assignments.get(owner.id, [])
    return bool(bound) and min(value.lineno for value in bound) > mask.node.lineno


def _setter_around(function: FunctionInfo, setters: dict[int, FunctionInfo]) -> FunctionInfo | None:
    """The function among `setters` that is `function` or the nearest function it is defined in (not the module,
    whose names every function reads), if any."""
    if id(function) in setters:
        return function
    nearest = next((around for around in _around(function) if id(around) in setters), None)
    return None if nearest is None or nearest.is_module else nearest


def _defined_in(function: FunctionInfo, outer: FunctionInfo) -> bool:
    """Is `function` defined inside `outer` (at any depth)?"""
    return any(around is outer for around in _around(function))


def _around(function: FunctionInfo) -> Iterator[FunctionInfo]:
    """The functions (and the module) `function` is defined in, nearest first."""
    around = function.outer
    while around is not None:
        yield around
        around = around.outer


def _path_of(loader: PadLoader) -> str:
    """How the tokenizer meets a function of another module that makes it pad with EOS."""
    return "is handed to" if loader.handed else "comes from"
