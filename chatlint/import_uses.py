"""How a module's text uses the names it imports, read as text, before (or instead of) parsing it: which imported
names it calls, subclasses, annotates with, hands rendered text or a dataset to, or reads checkpoint constants
through. The project step (`chatlint.linking`) asks these to decide which imported modules are worth reading."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator

from chatlint.facts.own_templates import INSTALLED_CALL
from chatlint.facts.summary import ImportRef

# the names of imported classes and functions that train with a tokenizer (a collator, a dataset, a trainer)
_TRAINS_WITH = re.compile(r"(?i)collat|dataset|trainer|preprocess|tokeniz|process|batch")


def bound_name(ref: ImportRef) -> str:
    """The name the code uses for what `ref` imports: `import pkg.data` is used as `pkg.data.f()`."""
    if ref.symbol is None and ref.local == ref.module.split(".")[0]:
        return ref.module
    return ref.local


# the words of a function named for building a conversation (`build_messages`, `make_conversation`, `to_chat`) or
# checking how one ends (`split_reply`, `ensure_reply_last`, `validate_turns`), or adding the reply (`with_reply`)
_BUILDS_CONVERSATIONS = re.compile(
    r"(?i)conv|messages|chat|dialog|prompt|turns|history|reply|response|answer|split|check|ensure|valid|require"
)

# a method call named for conversations (`store.liked_conversations()`, `log.as_messages()`)
_CONVERSATION_METHOD = re.compile(r"(?i)\.\w*(?:conversation|messages|dialog)\w*\(")


def writes_columns(imports: tuple[ImportRef, ...], text: str, writers: frozenset[str]) -> bool:
    """Could the module hold a dataset with a render in a column: it maps over datasets and renders, or imports a
    known function that writes such a column?"""
    if any(ref.symbol in writers for ref in imports):
        return True
    return ".map(" in text and "apply_chat_template" in text


def applied_to_rows(ref: ImportRef, text: str) -> bool:
    """Is what `ref` binds applied to a dataset's rows (`.map(encode_row`, `.map(partial(encode_row`) or called
    (`add_token_columns(`)?"""
    if ref.symbol is None or ref.symbol == "*":
        return False
    local = ref.local
    return f".map({local}" in text or f"partial({local}" in text or f"{local}(" in text


def _hands_pad_id(name: str, text: str) -> bool:
    """Does a call of `name` in the text hand it a pad id on the line it starts (`name(..., tok.pad_token_id)`)?"""
    if "pad_token_id" not in text and "pad_id" not in text:
        return False
    # (found with `str.find`: a pattern with a look-behind before the name is tried at every position of the text)
    call = f"{name}("
    start = text.find(call)
    while start != -1:
        before = text[start - 1] if start else " "
        if not (before.isalnum() or before in "_."):
            end = text.find("\n", start)
            line = text[start + len(call) : end if end != -1 else len(text)]
            if "pad_token_id" in line or "pad_id" in line:
                return True
        start = text.find(call, start + len(call))
    return False


def trains_with(ref: ImportRef, text: str | None) -> bool:
    """Does `ref` import what a module that pads with EOS may train with (a collator, dataset, trainer: their label
    masks matter), by its name, or a module imported whole through which the text builds one (`import collate`,
    then `collate.PadCollator(tok)`)? Or a name the text hands a pad id to, whatever it is called (`TokenBlocks(rows,
    2048, tokenizer.pad_token_id)`, on one line)?"""
    if ref.symbol is not None:
        return _TRAINS_WITH.search(ref.symbol) is not None or (text is not None and _hands_pad_id(ref.local, text))
    if text is None:
        return False
    if f"{ref.local}." not in text:
        return False
    # (a pattern that starts with the name: one starting with a look-behind is tried at every position)
    built = (match[1] for match in re.finditer(rf"{re.escape(ref.local)}\.([A-Z]\w*)\(", text))
    return any(_TRAINS_WITH.search(name) is not None for name in built)


@functools.lru_cache(maxsize=64)
def installed_templates(text: str) -> frozenset[str]:
    """What the text installs as a chat template from a call (`tok.chat_template = get_chat_template(v)`): the
    module of that function is read for whether its template writes a BOS. (Asked once per import: remembered.)"""
    return frozenset(INSTALLED_CALL.findall(text)) if ".chat_template" in text else frozenset()


def called(ref: ImportRef, text: str) -> bool:
    """Does the text call what `ref` binds by its name, a name for building a conversation (`build_messages(`) or
    checking one (`split_reply(`), or one of its class methods (`TrainingDialogue.from_row(`)? Or build an instance
    of the class it binds (or make one with a class method) and call a method named for conversations
    (`FeedbackStore(path)`, then `store.liked_conversations()`)?"""
    if ref.symbol is None or ref.symbol == "*":
        return False
    if not _BUILDS_CONVERSATIONS.search(ref.symbol):
        # (built, or made by a class method: `LoggedExchange.from_record(rec)`)
        built = f"{ref.local}(" in text or f"{ref.local}." in text
        return ref.local[:1].isupper() and built and calls_conversation_methods(text)
    return f"{ref.local}(" in text or (ref.local[:1].isupper() and f"{ref.local}." in text)


@functools.lru_cache(maxsize=32)
def calls_conversation_methods(text: str) -> bool:
    """Does the text call a method named for conversations (`log.conversation()`, `store.liked_conversations()`)?"""
    return _CONVERSATION_METHOD.search(text) is not None


def builds_class(ref: ImportRef, text: str) -> bool:
    """Does the text build an instance of the class `ref` imports by name (`Qwen3Renderer(tok)`)?"""
    symbol = ref.symbol
    if symbol is None or symbol == "*" or not symbol[:1].isupper() or symbol.isupper():
        return False
    return f"{ref.local}(" in text and ref.local in _built_classes(text)


# `Qwen3Renderer(`, not `self.Qwen3Renderer(` nor `MyQwen3Renderer(`: a class's name called
_CLASS_CALL = re.compile(r"(?<![\w.])([A-Z]\w*)\(")


@functools.lru_cache(maxsize=8)
def _built_classes(text: str) -> frozenset[str]:
    """The capitalised names the text calls (one pass per text: a module's imports ask one after another)."""
    return frozenset(_CLASS_CALL.findall(text))


def subclassed(ref: ImportRef, text: str) -> bool:
    """Does the text define a class with what `ref` binds among its bases (`class ChatSFT(ConversationDataset):`)?"""
    if ref.symbol is None or ref.symbol == "*":
        return False
    return subclasses(text, ref.local)


def subclasses(text: str, name: str) -> bool:
    """Does the text define a class with `name` among its bases, at any place (`class Pairs(PromptTemplating,
    EncodingBase):`)?"""
    return name in text and name in _base_words(text)


_CLASS_BASES = re.compile(r"(?m)^[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)")


@functools.lru_cache(maxsize=16)
def _base_words(text: str) -> frozenset[str]:
    """The words written among the bases of the text's class statements (one scan, asked for many names)."""
    return frozenset(word for bases in _CLASS_BASES.findall(text) for word in re.findall(r"\w+", bases))


def annotates(ref: ImportRef, text: str) -> bool:
    """Does the text annotate something with the class `ref` binds (`row: ChatRow`, `rows: List[ChatRow]`)? Its
    properties may give a conversation (`row.prompt`)."""
    if ref.symbol is None or not ref.symbol[:1].isupper():
        return False
    name = ref.local
    for before in (": ", "["):
        start = text.find(before + name)
        while start >= 0:
            end = start + len(before) + len(name)
            if end >= len(text) or not is_word(text[end]):
                return True
            start = text.find(before + name, end)
    return False


# the name of a module-level constant that may hold a checkpoint (`MODEL_ID`, `BASE_MODEL`, `DEFAULT_MODEL_NAME`,
# `CHECKPOINT`; not `MODEL_FOR_CAUSAL_LM_MAPPING_NAMES`)
_CHECKPOINT_CONSTANT = re.compile(
    r"^(?:[A-Z0-9]+_)*(?:MODEL|CHECKPOINT|CKPT)S?(?:_(?:IDS?|NAMES?|PATHS?|DIRS?|REPOS?|OPTIONS|CONFIGS?|REGISTRY|TABLE|MAP))?$"
)


def is_checkpoint_constant(name: str) -> bool:
    """Is the name one for a checkpoint constant, or a table of checkpoints (`MODEL_ID`, `REWARD_MODEL`, `MODELS`)?"""
    return _CHECKPOINT_CONSTANT.match(name) is not None


def checkpoint_constants(ref: ImportRef, read: dict[str, set[str]]) -> frozenset[str]:
    """The checkpoint constants an import gives the text: `from .constants import MODEL_ID`, or `import config` read
    as `config.REWARD_MODEL` (`read`: what `constants_read` found in the text)."""
    if ref.symbol is None:
        return frozenset(name for name in read.get(ref.local, ()) if is_checkpoint_constant(name))
    if is_checkpoint_constant(ref.symbol):
        return frozenset({ref.symbol})
    return frozenset()


# `config.REWARD_MODEL`: a name, a dot and an upper-case constant
_CONSTANT_READ = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.([A-Z][A-Z0-9_]*)\b")


def constants_read(text: str) -> dict[str, set[str]]:
    """The upper-case names the text reads through a name (`config.REWARD_MODEL`), by that name: one pass."""
    found: dict[str, set[str]] = {}
    if "MODEL" not in text and "CHECKPOINT" not in text and "CKPT" not in text:
        return found
    for owner, name in _CONSTANT_READ.findall(text):
        found.setdefault(owner, set()).add(name)
    return found


# `**CHAT_TEMPLATE_KWARGS`, `**config.RENDER_KWARGS`: a spread of a name or of a name's attribute
_SPREAD = re.compile(r"\*\*\s*([A-Za-z_]\w*)(?:\.([A-Za-z_]\w*))?\s*[,)]")


def spread_constants(ref: ImportRef, text: str) -> frozenset[str]:
    """The names of what an import gives the text that the text spreads into a call (`from config import
    CHAT_TEMPLATE_KWARGS`, then `**CHAT_TEMPLATE_KWARGS`; `import config`, then `**config.RENDER_KWARGS`): dicts of
    keywords its module may show whole."""
    if ref.symbol == "*" or "**" not in text:
        return frozenset()
    spreads = _SPREAD.findall(text)
    if ref.symbol is None:
        return frozenset(attribute for name, attribute in spreads if name == ref.local and attribute)
    return (
        frozenset({ref.symbol})
        if any(name == ref.local and not attribute for name, attribute in spreads)
        else frozenset()
    )


def calls_through(ref: ImportRef, callees: frozenset[str]) -> bool:
    """Is one of `callees` what `ref` binds, or reached through it (`get_tokenizer`, `utils.get_tokenizer`)?"""
    if ref.symbol == "*":
        return False
    local = bound_name(ref)
    return any(callee == local or callee.startswith(local + ".") for callee in callees)


def hands_to(ref: ImportRef, callees: tuple[str, ...]) -> bool:
    """Does one of `callees` (`encode`, `T.encode`) go through the name `ref` binds?"""
    if ref.symbol == "*" or not callees:
        return False
    bound = bound_name(ref)
    return any(callee == bound or callee.startswith(bound + ".") for callee in callees)


def may_tokenize_with(ref: ImportRef, text: str) -> bool:
    """Could a module with rendered text hand it to a function `ref` imports: `encode(`, or `tokenization.` for a
    module, or a dataset of it (`.map(encode`, `partial(encode`)? (The imported module's summary says whether the
    function tokenizes its parameter, or a column of it.)"""
    if ref.symbol == "*":
        return False
    bound = bound_name(ref)
    if ref.symbol is not None and not ref.symbol.islower():
        # a class built here, whose method may tokenize (`engine.generate(prompts)`), one a parameter is annotated
        # with (`def __init__(self, engine: Engine)`, then `self.engine.generate_async(prompt)`), or a base class of
        # one here (`self.encode(text)`, inherited)
        return f"{bound}(" in text or annotates(ref, text) or subclassed(ref, text)
    if f"{bound}(" in text or f"{bound}." in text:
        return True
    return ".map(" in text and re.search(rf"(?:map|partial)\(\s*{re.escape(bound)}\b", text) is not None


def mentions(names: Iterable[str]) -> Callable[[str], bool]:
    """Does a text mention any of `names` as a whole word? (`str.find`, not a pattern: it runs over every file of
    a large tree.)"""
    ordered = sorted(set(names))

    def found(text: str) -> bool:
        return any(whole_word(text, name) for name in ordered)

    return found


def imports_any(names: Iterable[str]) -> Callable[[str], bool]:
    """Does a text import one of `names` (a function or class of another module), or name it through a module
    (`utils.process(`)? A name only mentioned (`process` in a comment, a local function of that name) is not
    enough; under `from x import *` a mention is."""
    ordered = sorted(set(names))

    def found(text: str) -> bool:
        star = "import *" in text
        return any(imported_here(text, name, star) for name in ordered)

    return found


def imported_here(text: str, name: str, star: bool) -> bool:
    for start in word_starts(text, name):
        if star or text[start - 1 : start] == ".":
            return True
        line = text[text.rfind("\n", 0, start) + 1 : start].lstrip()
        if line.startswith(("from ", "import ")):
            return True
        # a line of a parenthesized import: `from x import (\n    a,\n    process,\n)`
        opened = text.rfind("import (", 0, start)
        if opened != -1 and ")" not in text[opened:start]:
            return True
    return False


def whole_word(text: str, name: str) -> bool:
    return next(word_starts(text, name), -1) != -1


def word_starts(text: str, name: str) -> Iterator[int]:
    """Where `text` names `name` as a whole word."""
    start = text.find(name)
    while start != -1:
        end = start + len(name)
        if (start == 0 or not is_word(text[start - 1])) and (end == len(text) or not is_word(text[end])):
            yield start
        start = text.find(name, end)


def after_a_dot(text: str, name: str) -> bool:
    """Does `text` name `name` as an attribute (`utils.process`, not `utils.processor`)?"""
    dotted = "." + name
    start = text.find(dotted)
    while start != -1:
        end = start + len(dotted)
        if end == len(text) or not is_word(text[end]):
            return True
        start = text.find(dotted, end)
    return False


def is_word(character: str) -> bool:
    return character.isalnum() or character == "_"
