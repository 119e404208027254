"""A module's summary: what other modules may learn about it, in chat terms, from its own text alone (built by
`facts.summarize`).

The project step (`chatlint.linking`) reads the summaries of the modules a file imports and hands them to that
file's analysis (`facts.links`). A summary is plain data (names, lines, words for messages), never syntax: it is
cached with the file's result and compared by its digest, and messages that quote it never need the other file.

What a summary says:
- `imports`: every import statement of the module, as written (resolved to files by `chatlint.linking`);
- `wrappers`: module-level functions that hand one of their parameters to `apply_chat_template` as the
  conversation, with where each flag comes from (a parameter, the caller's `**kwargs`, or a value of their own);
- `texts`: module-level functions that return text rendered with `tokenize=False`, or rows (dicts) with such text
  in named columns (`{"text": tok.apply_chat_template(..., tokenize=False)}`): what `ds.map(fn)` writes; and the
  attributes a class stores such text in (`self.prompts.append(...)`), for its subclasses; and the functions and
  methods that return the ids of a render that tokenizes without `return_dict` (`ids`), for a caller that uses
  them as a list;
- `constants`: module-level string constants it uses as keys (`TEXT_COLUMN = "text"`), for the module that imports
  the name to know which column it reads;
- `defaults`: the defaults of configuration fields named for a text column (`text_column: str = "text"`) or
  naming a checkpoint of a known model family (`model: str = "Qwen/Qwen2.5-7B-Instruct"`), by the class or function
  that declares them;
- `tokenizers`: module-level functions that tokenize one of their parameters with special tokens on (the flag
  absent or True), or as a parameter of theirs says: what a caller that hands them rendered text doubles; or one
  column of a row parameter (`tok(example["text"])`): what a module that maps them over a rendered column doubles;
- `hands_text`: the imported callees the module passes rendered text to (which imports may name a tokenizer);
- `masks`: label masks by value (`labels[labels == pad_id] = -100`, `DataCollatorForLanguageModeling`) by the
  module-level function or class that holds them, for a pad = EOS assignment made in a module that imports it;
- `pad_loaders`: module-level functions that make a tokenizer pad with its EOS token and return something (a
  `get_tokenizer(config)` helper), for a module that imports one and masks labels by value;
- `conversations`: module-level functions that return a conversation whose end the code shows (a list ending with
  the reply appended, or asserted to), for a module that renders what they return;
- `checkpoint_loaders`: module-level functions and classes (by their constructor) that load the checkpoint a
  parameter names, for a module that calls them with a checkpoint of a known family;
- `role_guards`: module-level functions that check how a conversation parameter ends (`assert`, or `if ...:
  raise`), for a module that renders the conversation it hands them;
- `renderer_factories`: module-level functions that return the template method bound in a `functools.partial`
  with literal flags, or a function they define that renders the conversation it is given (a closure), for a
  module that renders with what they return.
"""

from __future__ import annotations

import ast
import hashlib
import re
from dataclasses import dataclass, replace

from chatlint.findings import Related, printable_path
from chatlint.knowledge.model_families import EOS_END_OF_TURN

# What a module's bytes must hold for its summary to say anything: a render; a label mask by value (a pad id and an
# ignore index, or a collator that masks by value); a pad = EOS assignment on one line. Plain `in` tests first: they
# run over every file the project step looks at.
# a pad = EOS assignment sits on one line: a pad name set (`=`, `:` in a dict or a keyword, never `==`) to a value that
# names the EOS token (`tokenizer.pad_token = tokenizer.eos_token`, `pad_token=tok.eos_token`, `{"pad_token":
# tok.eos_token}`) or is a known family's end-of-turn token that is its EOS (`"<|eot_id|>"`). A model's or generation
# config's pad id is not the tokenizer's padding (`facts/padding.py` leaves it out too), or a table's entry
# (`PAD_FALLBACK[family]`). CL004's prefilter looks for the same. (The literal `pad_` first keeps the search fast.)
PAD_SET_TO_EOS = re.compile(
    rb"pad_(?<!\wpad_)(?<!(?<!\w)config\.pad_)(?<!(?<!\w)generation_config\.pad_)(?<!(?<!\w)model\.pad_)"
    rb"(?:token_idx|token_id|token|idx|index|id)[\"']?[ \t]*[=:](?!=)(?:[^\n]*(?:eos_(?:token|id)|"
    + b"|".join(re.escape(token.encode()) for token in sorted(EOS_END_OF_TURN))
    # (or read from a table of the module: `tok.pad_token = PAD_FALLBACK[family]`, judged by what it holds)
    + rb")|[ \t]*[A-Z][A-Z0-9_]*\[)"
)


# the start of a prompt written by hand in a model's format, with its BOS token (`f"<s>[INST] {q} [/INST]"`,
# `"<|begin_of_text|><|start_header_id|>..."`; see `rendered_text.written_bos`)
WRITTEN_PROMPT = (
    r"<s>(?:\s?\[INST\]|<<SYS>>|\{)|<\|begin_of_text\|>(?:<\|start_header_id\|>|\{)|<bos>(?:<start_of_turn>|\{)"
    r"|<｜begin▁of▁sentence｜>"
)
# the BOS tokens themselves, as the left side of a concatenation (`"<|begin_of_text|>" + text`)
BOS_TOKENS = ("<s>", "<|begin_of_text|>", "<bos>", "<｜begin▁of▁sentence｜>")
# such a prompt in a module's bytes (in quotes), a BOS token put in front of a text (`"<s>" + text`), or a name
# bound to a BOS token alone that the code grows (`text = "<|begin_of_text|>"`, then `text += ...`)
WRITTEN_BOS = re.compile(
    (
        r"""["'](?:"""
        + WRITTEN_PROMPT
        + r"""|(?:<s>|<\|begin_of_text\|>|<bos>|<｜begin▁of▁sentence｜>)["']\s*\+)"""
        + r"""|=\s*["'](?:<s>|<\|begin_of_text\|>|<bos>|<｜begin▁of▁sentence｜>)["']\s*$"""
    ).encode(),
    re.MULTILINE,
)


def may_render(data: bytes) -> bool:
    """Could the module render a chat template, or write a prompt with its BOS by hand?"""
    return b"apply_chat_template" in data or may_write_prompts(data)


def may_write_prompts(data: bytes) -> bool:
    """Could the module write a prompt in a model's format that starts with its BOS token?"""
    return any(token.encode() in data for token in BOS_TOKENS) and WRITTEN_BOS.search(data) is not None


# the words a module that hands a serving engine text must contain (`facts.engines`)
# how the engine that is an item of the tuples a factory returns is named: `load_vllm#0` (no Python name has a `#`)
ENGINE_ITEM = "#"
ENGINE_WORDS = (
    b"vllm",
    b"mlx_vlm",
    b"mlx_lm",
    b"sglang",
    b"tensorrt_llm",
    b"llama_cpp",
    b"nnsight",
    b"outlines",
    b"completions.create",
    b"pipeline(",
    b"InferenceClient",
    b"text_generation import",  # (TGI's client library: `from text_generation import Client`)
    b"import text_generation",
    b"HuggingFacePipeline",
    b"ollama",
    b"/generate",
    b"/completion",  # (`/v1/completions`, llama.cpp server's `/completion`)
    b"fast_generate(",  # (Unsloth's vLLM engine on the model)
    b"transformer_lens",
    b"sae_lens",
    b".to_tokens(",  # (TransformerLens's method, on a model the module is handed)
    b"openvino_genai",
)
# a call of a tokenizer: `tok(`, `tokenizer(`, `self.tokenizer.encode(`, `processor(text=` (plain `in` tests: a
# pattern with alternatives costs ten times as much over a large module)
_TOKENIZER_CALLS = (b"tok(", b"tokenizer(", b".encode(", b"encode_plus(", b"processor(", b"processing_class(")


def may_tokenize(data: bytes) -> bool:
    """Could the module call a tokenizer, or hand an engine text (what a function that tokenizes its parameter
    does)?"""
    return any(call in data for call in _TOKENIZER_CALLS) or any(word in data for word in ENGINE_WORDS)


def may_build_engines(data: bytes) -> bool:
    """Could a function of the module build a serving engine (vLLM's `LLM(`, SGLang's `Engine(`)?"""
    return (b"LLM" in data or b"Engine" in data) and (b"vllm" in data or b"sglang" in data or b"tensorrt_llm" in data)


def may_load_checkpoints(data: bytes) -> bool:
    """Could the module load a checkpoint (`from_pretrained(`, vLLM's `LLM(`)?"""
    return b"from_pretrained(" in data or b"LLM(" in data


def may_mask(data: bytes) -> bool:
    if b"DataCollatorForLanguageModeling" in data or b"DataCollatorForCompletionOnlyLM" in data:
        return True
    return may_pass_pad_id(data) and (b"-100" in data or b"IGNORE" in data)


def may_measure_columns(data: bytes) -> bool:
    """Could a function of the module mask labels by the token length of a column of its rows?"""
    return b"label" in data and b"len(" in data and (b"-100" in data or b"IGNORE" in data or b"[:" in data)


def may_use_id_parameters(data: bytes) -> bool:
    """Could a function of the module use a parameter named for ids as a list (`def fit(prompt_ids, n):
    len(prompt_ids)`)?"""
    return (b"ids" in data or b"tokens" in data) and (b"len(" in data or b"[" in data)


def may_mask_prompts(data: bytes) -> bool:
    """Could a function of the module mask the first labels it is given (`labels[:n] = -100`, or `if end <= n:
    labels[i] = -100`)?"""
    bounded = b"[:" in data or (b"if " in data and b"<" in data)
    return bounded and (b"-100" in data or b"IGNORE" in data or b"ignore_index" in data)


def may_mask_by_parameter(data: bytes) -> bool:
    """Could a function of the module mask labels equal to one of its parameters (`labels[labels == token_id] =
    -100`)?"""
    return b"==" in data and (b"-100" in data or b"IGNORE" in data or b"ignore_index" in data)


def may_pass_pad_id(data: bytes) -> bool:
    """Could the module name a pad id (and hand it to a function that masks labels by it)?"""
    return (b"pad_token_id" in data or b"pad_id" in data) and b"label" in data


def table_key(table: str, field: str = "") -> str:
    """The name a table of checkpoints is kept under among a summary's `constants` (see `column_names.model_tables`):
    `MODELS[*]`, or `MODELS[*][checkpoint]` for a field of its rows."""
    return f"{table}[*][{field}]" if field else f"{table}[*]"


def constant_binding(name: str) -> str:
    """The name a module imports a summary's constant by: its own, or the table's for a table key (`MODELS`)."""
    return name.split("[", 1)[0]


def may_build_collators(data: bytes) -> bool:
    """Could the module build a collator class of the project (of another module, whose masks by value are then its
    own)? Not one of transformers' or trl's (`DataCollatorForLanguageModeling(`, `DataCollatorWithPadding(`), which
    the module's own masks already are."""
    start = data.find(b"Collator(")
    while start != -1:
        name = _LAST_NAME.search(data, max(0, start - 100), start + len("Collator"))
        if name is not None and not name.group(0).startswith((b"DataCollatorFor", b"DataCollatorWith")):
            return True
        start = data.find(b"Collator(", start + 1)
    return False


# the identifier that ends at a position (the name a call's parenthesis follows)
_LAST_NAME = re.compile(rb"\w+$")


# what masks labels by value in training, called: a collator that does it inside, or trl's `SFTTrainer` (which pads
# with one before 0.17) or `GKDTrainer` (its completions generated on policy, before 1.9)
TRAINING_MASKS = (
    b"DataCollatorForLanguageModeling(",
    b"DataCollatorForCompletionOnlyLM(",
    b"SFTTrainer(",
    b"GKDTrainer(",
)


# a call of a function named for loading a tokenizer (or a processor, which holds one): `get_tokenizer(`,
# `load_model_and_tokenizer(`, `load_processor(` (the last name of the callee); not `tokenizer(` nor
# `AutoTokenizer.from_pretrained(`
TOKENIZER_LOADER = r"(?:get|load|build|setup|prepare|init|create|make)_\w*?(?:tokeni[sz]er|processor)\w*"
TOKENIZER_LOADER_CALL = re.compile(rb"\b" + TOKENIZER_LOADER.encode() + rb"\(")
_LOADER_NAME = re.compile(TOKENIZER_LOADER)
# the end of a loader's name and its call: what is searched for first (a literal start is fast to find)
# (one pattern per word: an alternation at the start would lose the search for a literal start)
_LOADER_ENDS = (re.compile(r"tokeni[sz]er\w*\("), re.compile(r"processor\w*\("))


def tokenizer_loader_calls(text: str, bound: bool = True) -> frozenset[str]:
    """The callees of the text named for loading a tokenizer (`get_tokenizer`, `utils.load_tokenizer`), or (with
    `bound`) whose result is bound to a name `tokenizer` or `tok` (`model, tokenizer = load_policy(args.model)`), whole: a
    module that calls one may get a tokenizer another module padded with EOS. (Each `tokenizer...(` found is read back
    to its callee's start: a pattern that starts with the verbs costs ten times as much over a large module.)"""
    found = set()
    patterns = _LOADER_ENDS if "_processor" in text else _LOADER_ENDS[:1]  # (`load_processor(`: few modules)
    for match in (each for pattern in patterns for each in pattern.finditer(text)):
        start = match.start()
        while start > 0 and (text[start - 1] == "." or text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        callee = text[start : match.end() - 1]
        if _LOADER_NAME.fullmatch(callee.rsplit(".", 1)[-1]):
            found.add(callee)
    for marker in ("tokenizer = ", "tokenizer, ", "tok = ", "tok, ") if bound else ():
        start = text.find(marker)
        while start != -1:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", start)
            line_end = line_end if line_end != -1 else len(text)
            assigned = _BOUND_TOKENIZER.match(text, line_start, line_end)
            if assigned is not None and not _NOT_A_LOADER.search(assigned.group(1)):
                found.add(assigned.group(1))
            start = text.find(marker, line_end)  # (each line read once)
    if bound:
        found |= _tokenizer_holders(text)
    return frozenset(found)


def _tokenizer_holders(text: str) -> set[str]:
    """The callees whose result the text keeps under a name it reads a tokenizer off (`bundle = ModelBundle(cfg)`,
    then `bundle.tokenizer`), or a class of the project named for holding one (`TokenizerBundle(name)`): what a
    class whose constructor pads with EOS gives. (The bindings first, in one pass: few names are bound to a class.)"""
    found = set()
    at = text.find("Tokeni")
    while at != -1:  # (found with `str.find`: a pattern would be tried at every position of a large module)
        match = _TOKENIZER_HOLDER_CLASS.match(text, at)
        if match is not None and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_.")):
            found.add(match.group(1))
        at = text.find("Tokeni", at + 6)
    if ".tokenizer" in text:
        for match in _CLASS_BINDING.finditer(text):
            read = f"{match.group(1)}.tokenizer"
            at = text.find(read)
            while at != -1:
                end = at + len(read)
                before = text[at - 1] if at else ""
                after = text[end] if end < len(text) else ""
                if not (before.isalnum() or before in "_.") and not (after.isalnum() or after == "_"):
                    found.add(match.group(2))
                    break
                at = text.find(read, end)
    return found


# a class of the project named for holding a tokenizer (`TokenizerBundle(`, `TokenizerWrapper(`), called
_TOKENIZER_HOLDER_CLASS = re.compile(r"(Tokeni[sz]er(?:Bundle|Wrapper|Manager|Holder|Setup|Handle))\(")
# a name bound to a construction of a class (`bundle = ModelBundle(cfg)`, `b = setup.Bundle(...)`)
_CLASS_BINDING = re.compile(r"^[ \t]*(\w+)[ \t]*=[ \t]*((?:\w+\.)*[A-Z]\w*)\(", re.MULTILINE)


# a statement that binds a name `tokenizer` (alone or in a tuple) to the result of a call: its callee
_BOUND_TOKENIZER = re.compile(
    r"[ \t]*(?:[\w.]+[ \t]*,[ \t]*)*(?:self\.)?tok(?:enizer)?[ \t]*(?:,[ \t]*[\w.]+[ \t]*)*=[ \t]*([\w.]+)\("
)
# callees that build a tokenizer rather than get one another function made: a class (`AutoTokenizer...`), a loader
# of the library's, the tokenizer's own methods
_NOT_A_LOADER = re.compile(r"(?:^|\.)(?:[A-Z]\w*|from_pretrained|tokenizer|deepcopy|copy)$|^(?:self|cls)\.")


def may_mask_in_training(text: str) -> bool:
    """Could the module mask labels by value (`may_mask`, or trl's `SFTTrainer`)? On its text: asked of a module
    the rules parsed, whose pad token may come from an imported function."""
    if any(word.decode() in text for word in TRAINING_MASKS):
        return True
    return ("pad_token_id" in text or "pad_id" in text) and ("-100" in text or "IGNORE" in text)


def may_define_templates(data: bytes) -> bool:
    """Could the module define chat templates of its own (a Jinja literal)?"""
    return b"{%" in data or b"{{" in data


def may_build_conversations(data: bytes) -> bool:
    """Could the module build messages with roles, or split the reply off a conversation (what a function returning
    a conversation does)?"""
    return b'"role"' in data or b"'role'" in data or b"[:-1]" in data


def may_measure_hooks(data: bytes) -> bool:
    """Could a class of the module mask labels by the length of what a method it leaves to its subclasses gives
    (`MeasuredHook`)?"""
    return b"label" in data and (b"NotImplementedError" in data or b"abstractmethod" in data)


def may_pass_to_subclasses(data: bytes) -> bool:
    """Could a class of the module hand one method what another it leaves to its subclasses returns (`passes`)?"""
    return b"self." in data and (b"NotImplementedError" in data or b"abstractmethod" in data)


def may_set_pad_eos(data: bytes) -> bool:
    """A line that sets a pad token or id to the EOS token (`PAD_SET_TO_EOS`)."""
    return PAD_SET_TO_EOS.search(data) is not None


@dataclass(frozen=True)
class ImportRef:
    """One imported name: `from .chat_utils import render_chat as render` is ("render", "chat_utils",
    "render_chat", 1); `import pkg.data as data` is ("data", "pkg.data", None, 0); `import pkg.data` binds "pkg"."""

    local: str
    module: str
    symbol: str | None
    level: int


@dataclass(frozen=True)
class ForwardedFlag:
    """Where a wrapper's call to `apply_chat_template` takes one flag from."""

    name: str
    parameter: str | None  # the wrapper's parameter that is passed as the flag, or None
    value: bool | None  # the value when the caller passes nothing (the parameter default, or the wrapper's own)
    present: bool  # the wrapper passes the flag at all (or its parameter has a default)
    from_kwargs: bool = False  # the wrapper forwards its `**kwargs`, and the flag is not set otherwise
    where: str = ""  # words for messages: "the default of parameter `agp` of `render_chat`"
    line: int = 0  # of the keyword that gives the wrapper's own value, when it passes one (0: not written there)
    # a field of a parameter (`"template.add_generation_prompt"` for `add_generation_prompt=template.
    # add_generation_prompt`): the default of that field of the object a caller passes, when its class says
    field: str = ""
    # the parameter whose mapping the render spreads (`**template_kwargs`), the flag not set otherwise: what the
    # mapping a caller passes holds
    mapping: str = ""


@dataclass(frozen=True)
class WrapperSummary:
    name: str
    line: int  # of the `apply_chat_template` call inside
    params: tuple[str, ...]
    conversation: str  # the parameter passed as the conversation
    flags: tuple[ForwardedFlag, ...]
    returns_result: bool = False  # returns what the render gives as it is (CL005 judges its callers' uses)
    measures: bool = False  # returns the length of what it renders, in tokens (`prompt_length(tok, messages)`)
    # returns its render with the BOS taken off (`text[len(tok.bos_token):]`): its callers get no render's BOS
    strips_bos: bool = False


@dataclass(frozen=True)
class TextSummary:
    """A function that returns a rendered text, or a row whose `columns` hold one."""

    name: str
    line: int  # of the render
    render: str  # the render in words
    columns: tuple[str, ...] = ()  # () when the function returns the text itself
    # for a returned text: what the render's conversation is and how its flags are set, so that a caller in another
    # module can judge it as a render (a prompt whose length masks labels there)
    params: tuple[str, ...] = ()
    shape: str = "unknown"  # a `ShapeKind` value
    evidence: str = ""  # the shape in words: "`example["messages"][:-1]`, which stops before the reply"
    flags: tuple[ForwardedFlag, ...] = ()
    # the parameter the render takes as its conversation, when it is one: a caller (a subclass calling
    # `self.render(...)`) is then judged by the conversation it passes, as a wrapper's caller is
    conversation: str = ""
    # False when only some of the values it may return are renders (`render(x) if chat else x`)
    certain: bool = True
    # a generator: the texts are the items it yields (`for text in render_all(rows)`), not what a call returns
    yields: bool = False
    # with `yields` and `positions`: not a generator but a function returning a list of such tuples (`return
    # all_prompts`, `(prompt, count)` pairs), read the same way by a caller that walks it
    listed: bool = False
    # it returns a list of rendered texts (`[render(c) for c in chats]`): the texts are the items of what a call
    # returns (with `yields` and `positions`: the item of the tuples it yields is such a list)
    batch: bool = False
    # it returns a dataset whose rows hold rendered text in `columns` (`return ds.map(to_text)`), not rows
    dataset: bool = False
    # not a function but an attribute its class's methods store rendered text in (`name` is "Class.attribute"):
    # "text" (`self.prompt = render(...)`) or "texts" (`self.prompts.append(render(...))`), for a subclass in
    # another module that reads it
    stored: str = ""
    # not text but the ids of a render that tokenizes (no `return_dict` given), returned as they are: for a caller
    # in another module that uses them as a list (CL005), or passes the flags its render is judged by
    ids: bool = False
    # with `ids`: the places of the tuples it returns that hold them (`return prompt_ids, full_ids`), for a caller
    # that unpacks them; empty when it returns them alone. With `yields`: the place of the rendered text in the
    # tuples it yields (`yield record, text`). With `dataset`: the place of the tuples it returns that holds the
    # dataset (`return train.map(to_text), valid`)
    positions: tuple[int, ...] = ()
    # with `columns`: the line of each column's render, in the same order (`line` is the first one's)
    lines: tuple[int, ...] = ()
    # with `columns`: the columns whose render is a prompt rendered without the generation prompt, with the shape
    # in words (a caller in another module judges the prompt where its length masks labels: CL003)
    prompt_columns: tuple[str, ...] = ()
    prompt_evidence: tuple[str, ...] = ()
    # with `columns`: the rows are batches, each column a list of renders (`texts.append(render(...))`, then
    # `return {"text": texts}`): what `.map(fn, batched=True)` writes
    batch_rows: bool = False
    # with `columns`: not the rows but a function that returns them is what a call gives (`to_text =
    # make_formatter(tok)`, then `ds.map(to_text)`): a factory of a `.map()` function
    makes_rows: bool = False
    # with `ids`: not the ids but their count is returned (`return len(prompt_ids)`): a call is a length that may
    # measure a prompt where it masks labels (CL003)
    measures: bool = False
    # with `ids`: the function is annotated to return a list of ids (`-> List[int]`), which its own module judges
    # as a use of the render (CL005 there); a caller's uses are not judged again, its lengths are (CL003)
    declared: bool = False
    # not a render but a prompt written by hand in a model's format that starts with this BOS token (`return
    # f"<|begin_of_text|><|start_header_id|>..."`)
    written_bos: str = ""

    @property
    def in_tuples(self) -> bool:
        """Does it return the rendered text at `positions` of the tuples it returns (`return prompt, full`)?"""
        return bool(self.positions) and not (self.yields or self.ids or self.dataset)


@dataclass(frozen=True)
class TokenizerSummary:
    """A function that tokenizes its parameter `text` (by position in `params`, or by name) with special tokens on,
    unless `flag` says a parameter of its own decides (`flag.parameter`, with its default in `flag.value`); or, with
    `column`, one column of that parameter, a row (`tok(example["text"])`): what `ds.map(fn)` tokenizes."""

    name: str
    line: int  # of the tokenizer call inside
    params: tuple[str, ...]
    text: str  # the parameter it tokenizes
    flag: ForwardedFlag  # `add_special_tokens`: absent, a literal True, or a parameter
    column: str = ""  # the column of the row `text` it tokenizes ("{field}" for a configuration field's column)
    # `text` is a dataset it maps a row tokenizer over (`ds.map(tokenize_batch)`): `column` of its rows is tokenized
    dataset: bool = False
    # the parameter that names the column instead, for a dataset tokenizer (`tokenize(ds, tok, text_column)`)
    column_param: str = ""
    # where it goes on to when it tokenizes through a function of another module (`logit_lens` calling `resid`,
    # which traces the prompt): those places, innermost last
    further: tuple[Related, ...] = ()
    # it tokenizes each item of the list `text` (see `Helper.items`)
    items: str = ""
    # `text` is a list of tuples and it tokenizes this element of each (see `Helper.element`)
    element: int | None = None


@dataclass(frozen=True)
class MaskSummary:
    owner: str  # the module-level function or class that masks
    line: int
    text: str  # the mask in words
    # the owner hands a pad id to this imported callee (a name the module binds): it masks by value when the
    # callee does (`mask_padding(ids, self.tokenizer.pad_token_id)`), which the project step finds out; `via_arg`
    # is the argument the pad id goes to (`#1` by position, or a keyword)
    via: str = ""
    via_arg: str = ""
    # a function that masks labels equal to one of its parameters (`labels[labels == token_id] = -100`): a mask by
    # value only where a caller hands it a pad id there (`param` by name, `#i` by position)
    by_param: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeasureSummary:
    """A function that tokenizes `column` of the rows it is given and masks the labels by its length (`mask`, at
    `line`), or (`dataset`: its parameter) one that `.map()`s such a function over the dataset it is given."""

    name: str
    column: str
    line: int
    mask: str
    dataset: str = ""
    params: tuple[str, ...] = ()


@dataclass(frozen=True)
class Switch:
    """A helper appends the last message of the conversation it returns only under a test of one of its
    parameters: `if with_answer:` ("truthy"), `if not prompt_only:` ("falsy"), `if solution is not None:` ("not
    None"), `if solution is None:` ("None"). Each call says whether it is on (`facts.shapes.switch_on`)."""

    param: str
    index: int  # its place among the parameters a call fills (without `self`)
    test: str
    default: str = ""  # its default, when that is a literal: "True", "False" or "None"


@dataclass(frozen=True)
class ConversationSummary:
    """A module-level function that returns a conversation whose end the code shows: `kind` is "full" (it ends with
    the assistant's reply) or "prompt" (it stops before it). With a `switch`, that is the end when the switch is on;
    `off_kind` and `off_evidence` say the end for calls that turn it off."""

    name: str
    line: int  # of the function's definition
    kind: str  # a `ShapeKind` value
    evidence: str  # the shape in words, inside the function
    position: int | None = None  # the item of the tuples it returns (`return messages[:-1], messages[-1]`)
    switch: Switch | None = None
    off_kind: str = "unknown"
    off_evidence: str = ""
    items: bool = False  # a generator: each item it yields is such a conversation


@dataclass(frozen=True)
class PadLoader:
    """A module-level function that sets a tokenizer's pad token to its EOS token and returns (the tokenizer), or
    that hands the tokenizer it is given to a method that does (`template.fix_special_tokens(tokenizer)`); or a
    class whose constructor pads the tokenizer it keeps (`ModelBundle(cfg).tokenizer`)."""

    name: str
    line: int  # of the pad = EOS assignment
    text: str  # the assignment in words
    handed: bool = False  # the function changes the tokenizer it is handed (its callers keep their own)


@dataclass(frozen=True)
class RenderHook:
    """A method of a class that renders what another method of the class gives and trains on it (`text =
    self.render(self.to_messages(sample))` where it builds labels): a subclass that overrides both methods decides
    what is rendered, with which flags."""

    cls: str
    method: str  # the method that does it (`build_example`)
    renderer: str  # the method it renders with (`self.render(...)`)
    source: str  # the method whose result it renders (`self.to_messages(...)`)
    line: int  # of the renderer's call


@dataclass(frozen=True)
class MeasuredHook:
    """A method of a class that masks labels by the token length of what another method of the class gives, one
    the class leaves to its subclasses (`prompt_ids = self.encode(self.render_prompt(row))`, then `[-100] *
    len(prompt_ids)`): a subclass's own `hook` is a prompt whose length masks labels."""

    cls: str
    method: str  # the method that masks (`tokenize_row`)
    hook: str  # the method left to subclasses (`render_prompt`)
    line: int  # of the mask
    mask: str  # the mask in words


@dataclass(frozen=True)
class Handoff:
    """A method of a class that hands another method of the class what a third one returns (`return
    self.encode(self.build_conversation(row))`): a subclass's `receiver` takes that conversation as its first
    parameter. `kind` and `evidence`: how the class's own `source` ends its conversation (a subclass may override it)."""

    cls: str
    method: str
    receiver: str
    source: str
    line: int
    kind: str
    evidence: str


@dataclass(frozen=True)
class RendererFactory:
    """A module-level function that returns a tokenizer's `apply_chat_template`, bound in a `functools.partial` with
    literal flags (`make_renderer(tok)` returning `partial(tok.apply_chat_template, tokenize=False,
    add_generation_prompt=True)`), or a function it defines that renders the conversation it is given with them
    (`def render(messages): return tokenizer.apply_chat_template(messages, tokenize=False, ...)`, then `return
    render`): what its caller calls renders with those flags."""

    name: str
    line: int  # of the partial, or of the render the returned function makes
    flags: tuple[tuple[str, bool], ...]
    # flags the returned function takes from the factory's parameters (`add_generation_prompt=add_generation_prompt`):
    # (flag, parameter, the parameter's literal default or None); and the factory's parameters, in order
    forwarded: tuple[tuple[str, str, bool | None], ...] = ()
    parameters: tuple[str, ...] = ()
    closure: bool = False  # returns a function it defines, not a partial


@dataclass(frozen=True)
class RoleGuard:
    """A module-level function that checks how the conversation it is given as `param` ends (`if conv[-1]["role"]
    != "assistant": raise ...`): what its caller passes there ends with `role` after the call."""

    name: str
    line: int  # of the function's definition
    params: tuple[str, ...]
    param: str
    role: str
    # a test that holds only when it ends so (`return msgs[-1]["role"] == "assistant"`), asked by its caller before it
    # leaves (`if not is_valid(msgs): continue`); the name may be a method's ("ChatMixin.is_valid")
    predicate: bool = False
    # not a check: the function extends the conversation with the assistant reply (`[*messages, {"role":
    # "assistant", ...}]`), so what its caller hands it is a prompt (the name may be a method's,
    # "ChatRenderer.conversation_ids")
    extends: bool = False


@dataclass(frozen=True)
class CheckpointLoader:
    """A module-level function, or a class by its constructor, that loads the checkpoint one of its parameters names
    (`from_pretrained(model)`, vLLM's `LLM(model=model)`): which model a caller loads is the argument it passes; or,
    with `checkpoint`, one that always loads that checkpoint (`from_pretrained(BASE_MODEL)`, `param` empty)."""

    name: str
    params: tuple[str, ...]
    param: str
    checkpoint: str = ""


@dataclass(frozen=True)
class ModuleSummary:
    path: str
    imports: tuple[ImportRef, ...] = ()
    wrappers: tuple[WrapperSummary, ...] = ()
    texts: tuple[TextSummary, ...] = ()
    masks: tuple[MaskSummary, ...] = ()
    # the module makes a tokenizer pad with its EOS token: the masks of what it imports matter to it
    sets_pad_eos: bool = False
    # module-level string constants the module uses as keys (`TEXT_COLUMN = "text"`): column names others import
    constants: tuple[tuple[str, str], ...] = ()
    # `(owner, field, default)`: configuration fields named for a text column (`DataArguments.text_column = "text"`)
    # or naming a checkpoint (`EvalConfig.model = "Qwen/..."`)
    defaults: tuple[tuple[str, str, str], ...] = ()
    # functions that tokenize a parameter (not among the `renderers`: they tell only a module with rendered text)
    tokenizers: tuple[TokenizerSummary, ...] = ()
    # the imported callees the module hands a rendered text to (`encode`, `T.encode`): like `imports`, what the
    # module needs to learn, not what it tells (not part of the digest)
    hands_text: tuple[str, ...] = ()
    pad_loaders: tuple[PadLoader, ...] = ()
    # functions that build and return a conversation, with how it ends (`build_messages(record)`)
    conversations: tuple[ConversationSummary, ...] = ()
    checkpoint_loaders: tuple[CheckpointLoader, ...] = ()
    role_guards: tuple[RoleGuard, ...] = ()
    renderer_factories: tuple[RendererFactory, ...] = ()
    # methods that render what another method of their class gives and train on it (what a subclass overrides)
    hooks: tuple[RenderHook, ...] = ()
    # the module loads a model (`from_pretrained`, vLLM's `LLM`): what it runs with is its own, not its importers'
    # (about the module itself, for the project step: not part of the digest)
    loads_checkpoints: bool = False
    # registries of classes whose methods render: `(TEMPLATES, ChatTemplate)` for `TEMPLATES = {"chat": ChatTemplate,
    # "plain": PlainTemplate}` with `PlainTemplate` a subclass (see `facts.built_classes`)
    registries: tuple[tuple[str, str], ...] = ()
    # module-level functions annotated to return a class: `(make_prompt_builder, PromptBuilder)`, the class as the
    # module names it (its own, or one it imports: an importer follows that import)
    factories: tuple[tuple[str, str], ...] = ()
    # `(function, class)`: module-level functions that build a class of the module with a method that returns rows
    # with a render in a column (`def create_dataset(...): return PromptDataset(...)`): an importer of the function
    # may be handed those rows
    row_class_builders: tuple[tuple[str, str], ...] = ()
    # functions that mask labels by the token length of a column of their rows (see `MeasureSummary`)
    measures: tuple[MeasureSummary, ...] = ()
    # methods that hand another method of their class the conversation a third one builds (see `Handoff`)
    handoffs: tuple[Handoff, ...] = ()
    # methods that mask labels by the length of what a method left to subclasses gives (see `MeasuredHook`)
    measured_hooks: tuple[MeasuredHook, ...] = ()
    # `(class, field, default, line)`: configuration fields that switch special tokens on or off (`ModelArgs.
    # add_bos_token = True`), for a module that reads one into `add_special_tokens=`
    switches: tuple[tuple[str, str, bool, int], ...] = ()
    # `(function, words, line)`: module-level functions that build and return a serving engine (`def
    # build_engine(cfg): return LLM(...)`), with the words for its `generate`, for a module that keeps what one returns
    engines: tuple[tuple[str, str, int], ...] = ()
    # `(function, position, parameter, line)`: module-level functions that mask the first labels they are given, as
    # many as a parameter says (`def mask_prompt(labels, prompt_len): labels[:prompt_len] = [-100] * prompt_len`),
    # for a module that hands one a prompt's length
    prefix_masks: tuple[tuple[str, int, str, int], ...] = ()
    # module-level functions that return only chat templates of the project's own that write no BOS (`def
    # get_chat_template(version)`), for a module that installs what one returns (`tok.chat_template = ...`)
    own_templates: tuple[str, ...] = ()
    # module-level functions that return a tokenizer with such a template installed (`def setup_tokenizer(name)`
    # setting `tok.chat_template = CHATML_TEMPLATE`), for a module that renders with what one returns
    template_installers: tuple[str, ...] = ()
    # `(class, parameter, the constructor's parameters)`: classes whose renders take a flag from a parameter of
    # their constructor (`self.header = header`, a dataclass field), for the project step to tell the module which
    # values the run's other modules build them with (about the module itself: not part of the digest)
    constructor_switches: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    # `(class, method, receiver, source, line)`: methods that hand `self.receiver` what `self.source` returns, where
    # the class leaves `source` to its subclasses (`self._do_invoke(self._prepare_messages(prompt))` in a client's
    # base class): a subclass in another module whose `source` returns a render hands it to its own `receiver`
    passes: tuple[tuple[str, str, str, str, int], ...] = ()
    # `(registry, wrapper, flags)`: dicts of the module whose values are all partials of one of its wrappers
    # (`PROMPT_ENCODERS = {"chat": partial(_encode_chat, add_generation_prompt=True), ...}`), with the flags they
    # bind (None: not alike): what a module that picks one by a key (`PROMPT_ENCODERS[style]`) then calls
    wrapper_registries: tuple[tuple[str, str, tuple[tuple[str, bool | None], ...]], ...] = ()
    # `(registry, members)`: dicts of the module's functions (`FORMATTERS = {"chat": to_text, ...}`, or filled by a
    # decorator, `@preprocessor("chat")`) of which some write a render into a column of their rows or make a function
    # that does (`texts`), with all their members: what a module that maps one picked by a key
    # (`ds.map(PREPROCESSORS[name](tok, cfg))`) writes on some paths
    row_registries: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # `(function, position, parameter, use, line)`: module-level functions that use a parameter named for ids as a
    # list of token ids (`def fit_to_window(prompt_ids, budget): if len(prompt_ids) > budget: ...`), with the first
    # such use in words: a module that hands them a `BatchEncoding` uses it as ids there
    id_params: tuple[tuple[str, int, str, str, int], ...] = ()
    # the same for module-level functions that use each item of a parameter named for a batch of ids as a list of
    # ids (`def left_pad(batch_ids, pad_id): for ids in batch_ids: ... len(ids)`): a module that hands one a list of
    # `BatchEncoding`s uses each as ids there
    id_batch_params: tuple[tuple[str, int, str, str, int], ...] = ()
    # `Class.method` for the tokenizing methods (`encode`, `__call__`, ...) the module's classes define: a call of
    # one on an instance of such a class (`self.tokenizer.encode(text)` with `tokenizer: OwnTokenizer`) is that
    # method's, not a transformers tokenizer's (what it does is in `tokenizers`, when it tokenizes with special tokens)
    encoders: tuple[str, ...] = ()
    # `(name, line, ((key, literal), ...))`: module-level dicts of keywords for a template call, shown whole and never
    # changed (`CHAT_TEMPLATE_KWARGS = {"add_generation_prompt": True}`): what a module that imports and spreads one
    # (`**CHAT_TEMPLATE_KWARGS`) renders with (see `flags.module_flag_dicts`)
    flag_dicts: tuple[tuple[str, int, tuple[tuple[str, bool | None], ...]], ...] = ()
    # `(class, base)`: the module's classes with their first base as it writes it (`(Qwen3Renderer,
    # PromptRenderer)`), for a module that builds an instance of one whose methods a base of a third module renders
    # in
    subclasses: tuple[tuple[str, str], ...] = ()
    # `(class, parameter, the constructor's parameters)`: classes that load the checkpoint a constructor parameter
    # names, defaulting to one whose template writes no BOS (`def __init__(self, model_name=MODEL_NAME)` with
    # `MODEL_NAME = "llava-hf/llava-1.5-7b-hf"`), for the project step to tell the module whether every
    # construction in the run leaves it (about the module itself: not part of the digest)
    checkpoint_defaults: tuple[tuple[str, str, tuple[str, ...]], ...] = ()

    @property
    def exports(self) -> frozenset[str]:
        """The names other modules can learn something about."""
        owners = [mask.owner for mask in self.masks]
        owners += [name.split(".")[0] for name in self.encoders]
        return self.told | frozenset(owners)

    @property
    def renderers(self) -> frozenset[str]:
        """The names whose users learn something: wrappers of the template, functions returning renders, and the
        classes whose methods return renders (`Prompter` for `Prompter.build`)."""
        # (not the factories of `.map()` functions, `make_formatter`: their users are found by what they import,
        # `told`; names such as `default` would make every `.default` in a large tree look like a use)
        names = [
            *(wrapper.name for wrapper in self.wrappers),
            *(text.name for text in self.texts if not text.makes_rows),
        ]
        names += [factory.name for factory in self.renderer_factories]
        names += [f"{hook.cls}.{hook.method}" for hook in self.hooks]
        names += [f"{handoff.cls}.{handoff.method}" for handoff in self.handoffs]
        names += [f"{cls}.{method}" for cls, method, _, _, _ in self.passes]
        names += [f"{hook.cls}.{hook.method}" for hook in self.measured_hooks]
        names += [name for name, _ in self.registries]
        names += [name for name, _, _ in self.wrapper_registries]
        names += [name for name, _ in self.row_registries]
        names += list(self.own_templates)
        names += list(self.template_installers)
        return frozenset([*names, *(name.split(".")[0] for name in names if "." in name)])

    @property
    def digest(self) -> str:
        """Changes exactly when what other modules learn from this one changes (the imports are not part of it)."""
        told: tuple[object, ...] = (self.wrappers, self.texts, self.masks, self.constants, self.defaults)
        # (the parts added since are counted only when present, so that the digests of modules without them stay)
        optional = (self.renderer_factories, self.hooks, self.registries, self.factories, self.measures)
        later: tuple[object, ...] = (self.handoffs, self.switches, self.measured_hooks, self.engines, self.prefix_masks)
        later = (*later, self.own_templates, self.passes, self.wrapper_registries, self.id_params, self.encoders)
        later = (*later, self.row_registries, self.id_batch_params, self.flag_dicts, self.subclasses)
        later = (*later, self.template_installers, self.row_class_builders)
        told = (*told, *(part for part in (*optional, *later) if part))
        if self.tokenizers or self.pad_loaders or self.conversations or self.checkpoint_loaders or self.role_guards:
            told = (*told, self.tokenizers, self.pad_loaders, self.conversations, self.checkpoint_loaders)
            told = (*told, self.role_guards)
        parts = repr(told).encode()
        return hashlib.blake2b(parts, digest_size=8).hexdigest()

    def place(self, line: int) -> str:
        """`path:line` of a line of this module, for messages."""
        return f"{printable_path(self.path)}:{line}"

    @property
    def columns_named(self) -> frozenset[str]:
        """The columns its functions write rendered text in or tokenize (`{field}`: the column a configuration
        field names)."""
        return frozenset(
            [*(column for text in self.texts for column in text.columns), *(item.column for item in self.tokenizers)]
        )

    @property
    def told(self) -> frozenset[str]:
        """The names whose users learn something about a render: the renderers, and the column names (constants,
        and the classes and functions that declare a text column field), and the classes that declare a switch."""
        owners = [owner for owner, _, _ in self.defaults if owner]
        owners += [owner for owner, _, _, _ in self.switches]
        factories = [text.name for text in self.texts if text.makes_rows]
        owners += [name for name, _, _ in self.flag_dicts]
        owners += [name for name, _ in self.row_class_builders]
        constants = [constant_binding(name) for name, _ in self.constants]
        return self.renderers | frozenset([*constants, *owners, *factories])

    def switch(self, cls: str, field: str) -> tuple[bool, int] | None:
        """The default the class `cls` declares for its switch field `field`, with its line, if it declares one."""
        found = (item for item in self.switches if item[0] == cls and item[1] == field)
        return next(((default, line) for _, _, default, line in found), None)

    def prefix_mask(self, name: str) -> tuple[int, str, int] | None:
        """The parameter (place and name) by which the module-level function `name` masks the first labels it is
        given, with the mask's line, if it masks so."""
        return next(
            ((position, param, line) for item, position, param, line in self.prefix_masks if item == name), None
        )

    def id_param(self, name: str, position: int, batch: bool = False) -> tuple[str, str, int] | None:
        """The parameter at `position` of the module-level function `name`, when the function uses it as a list of
        ids (`batch`: uses each of its items so): its name, the use in words, and the function's line."""
        params = self.id_batch_params if batch else self.id_params
        return next(
            ((param, use, line) for item, at, param, use, line in params if item == name and at == position), None
        )

    def engine_factory(self, name: str) -> tuple[str, int] | None:
        """The words for the engine the module-level function `name` builds and returns (alone, or in the tuples it
        returns: `load_vllm#0`), with the function's line, if it builds one."""
        return next(((words, line) for _, words, line in self.engines_of(name)), None)

    def engines_of(self, name: str) -> tuple[tuple[str, str, int], ...]:
        """The entries of `engines` for the module-level function `name`: `name` itself, or `name#i` for the item `i`
        of the tuples it returns."""
        return tuple(item for item in self.engines if item[0].split(ENGINE_ITEM)[0] == name)

    def factory(self, name: str) -> str | None:
        """The class the module-level function `name` is annotated to return, as the module names it."""
        return next((cls for factory, cls in self.factories if factory == name), None)

    def base(self, name: str) -> str | None:
        """The first base of the module's class `name`, as the module writes it (see `subclasses`)."""
        return next((base for cls, base in self.subclasses if cls == name), None)

    def registry(self, name: str) -> str | None:
        """The rendering class every instance built through the registry `name` is one of."""
        return next((cls for registry, cls in self.registries if registry == name), None)

    def wrapper(self, name: str) -> WrapperSummary | None:
        return next((wrapper for wrapper in self.wrappers if wrapper.name == name), None)

    def row_registry(self, name: str) -> tuple[str, ...]:
        """The members of the registry `name` when some write a render into their rows or make a function that
        does (see `row_registries`); none otherwise."""
        return next((members for registry, members in self.row_registries if registry == name), ())

    def wrapper_registry(self, name: str) -> WrapperSummary | None:
        """The wrapper every value of the registry `name` is a partial of, with the flags they bind as its own."""
        found = next((item for item in self.wrapper_registries if item[0] == name), None)
        wrapper = self.wrapper(found[1]) if found is not None else None
        if found is None or wrapper is None:
            return None
        bound = dict(found[2])
        flags = tuple(
            ForwardedFlag(flag.name, None, bound[flag.name], True, where=f"bound by the partials of `{name}`")
            if flag.name in bound
            else flag
            for flag in wrapper.flags
        )
        return replace(wrapper, flags=flags)

    def text(self, name: str) -> TextSummary | None:
        return next((text for text in self.texts if text.name == name and not text.stored and not text.ids), None)

    def render(self, name: str) -> TextSummary | None:
        """The function `name` returns what a render of it gives: a text, a row holding one, or ids."""
        return next((text for text in self.texts if text.name == name and not text.stored), None)

    def stored_text(self, name: str) -> TextSummary | None:
        """The attribute `name` ("Class.attribute") its class stores rendered text in."""
        return next((text for text in self.texts if text.name == name and text.stored), None)

    def tokenizer(self, name: str) -> TokenizerSummary | None:
        return next((tokenizer for tokenizer in self.tokenizers if tokenizer.name == name), None)

    def measure(self, name: str) -> MeasureSummary | None:
        return next((measure for measure in self.measures if measure.name == name), None)

    def tokenizes_with(self, name: str) -> bool:
        """Is `name` a function that tokenizes its parameter, or a class with such a method?"""
        return any(tokenizer.name.split(".")[0] == name for tokenizer in self.tokenizers)

    def handoffs_of(self, cls: str) -> tuple[Handoff, ...]:
        return tuple(handoff for handoff in self.handoffs if handoff.cls == cls)

    def measured_hooks_of(self, cls: str) -> tuple[MeasuredHook, ...]:
        return tuple(hook for hook in self.measured_hooks if hook.cls == cls)

    def hooks_of(self, cls: str) -> tuple[RenderHook, ...]:
        return tuple(hook for hook in self.hooks if hook.cls == cls)

    def renderer_factory(self, name: str) -> RendererFactory | None:
        return next((factory for factory in self.renderer_factories if factory.name == name), None)

    def role_guard(self, name: str) -> RoleGuard | None:
        return next((guard for guard in self.role_guards if guard.name == name), None)

    def checkpoint_loader(self, name: str) -> CheckpointLoader | None:
        return next((loader for loader in self.checkpoint_loaders if loader.name == name), None)

    def conversation(self, name: str, position: int | None = None, items: bool = False) -> ConversationSummary | None:
        """The conversation the function `name` returns (at `position` of its tuples), or each one it yields."""
        return next(
            (
                item
                for item in self.conversations
                if item.name == name and item.position == position and item.items == items
            ),
            None,
        )

    def pad_loader(self, name: str) -> PadLoader | None:
        return next((loader for loader in self.pad_loaders if loader.name == name), None)

    def masks_of(self, name: str) -> tuple[MaskSummary, ...]:
        """The masks by value `name` holds (not those by a parameter of its, see `masks_given`)."""
        return tuple(mask for mask in self.masks if mask.owner == name and not mask.by_param)

    def masks_given(self, name: str, argument: str) -> tuple[MaskSummary, ...]:
        """The masks `name` holds when a caller hands a pad id to `argument` (`#1`, or a keyword): its own, and
        those by the parameter the argument binds."""
        return tuple(
            mask for mask in self.masks if mask.owner == name and (not mask.by_param or argument in mask.by_param)
        )


def imports_of(module: ast.Module, in_definitions: bool = True) -> tuple[ImportRef, ...]:
    """Every import of the module, in functions and branches too (scripts import where they need); only
    statements are visited, never expressions. `in_definitions=False`: the module's own, not those inside its
    functions and classes."""
    found: list[ImportRef] = []
    stack: list[ast.stmt] = list(reversed(module.body))
    while stack:
        node = stack.pop()
        if not in_definitions and isinstance(node, _DEFINITIONS):
            continue
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                # `from .api import *` is kept as the name "*": a re-export of everything `api` defines
                found.append(ImportRef(alias.asname or alias.name, node.module or "", alias.name, node.level))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.split(".")[0]
                found.append(ImportRef(local, alias.name, None, 0))
        else:
            for name in _BLOCKS:
                block = getattr(node, name, None)
                if block:
                    stack.extend(reversed(block))
            for handler in getattr(node, "handlers", ()):
                stack.extend(reversed(handler.body))
            for case in getattr(node, "cases", ()):
                stack.extend(reversed(case.body))
    return tuple(found)


_BLOCKS = ("body", "orelse", "finalbody")
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
