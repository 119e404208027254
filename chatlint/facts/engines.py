"""Serving engines that tokenize the text prompts they are given: vLLM's `LLM.generate` (and `AsyncLLM`,
`LLMEngine`), SGLang's `Engine.generate`, TensorRT-LLM's `LLM.generate`, TRL's `VLLMClient.generate` (a `trl
vllm-serve` server; also the class imported from a project module named `vllm_client`: trl's own, or a copy), a
completions request to an OpenAI-compatible server (`client.completions.create(prompt=...)`, which vLLM and SGLang
serve with special tokens on for a completion prompt), llama-cpp-python's `Llama` called with a text prompt
(`llm(prompt)`, `llm.create_completion(prompt)`: it puts the model's BOS in front and reads special tokens in the
text), a transformers `text-generation` pipeline called with a string (`pipe(text)`: its `add_special_tokens`
is left to the tokenizer's default, True, from transformers 4.43) and LangChain's `HuggingFacePipeline` around one,
TGI's clients (huggingface_hub's `text_generation`, text-generation's `Client.generate`), and Ollama's `generate`
without `raw=True` (it templates the prompt again).

Each tokenizes a text prompt with the tokenizer's special tokens on (vLLM's `add_special_tokens` defaults to True
for raw prompts; SGLang encodes the text the same way), so a prompt rendered with `tokenize=False` gets a second
BOS for templates that write one. The engine is known by its class, when the code shows it built (`self.llm =
LLM(...)`, `vllm.LLM(...)`, `sgl.Engine(...)` with the class imported from vllm, sglang or tensorrt_llm), or, in a
module that imports one of them, by a name that says so (`llm`, `self.vllm`, `policy_llm`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from chatlint.facts.flags import mapping_value, updated
from chatlint.facts.flow import FunctionFlow, function_flow
from chatlint.facts.model import ClassInfo, FunctionInfo
from chatlint.facts.summary import ENGINE_ITEM, ENGINE_WORDS, ImportRef
from chatlint.facts.syntax import (
    bound_argument,
    called_name,
    code,
    current_source,
    dotted_name,
    first_argument,
    is_self_attribute,
    keyword_value,
    positional,
    string_value,
    submitted_call,
)
from chatlint.findings import Related

# (the transformers pipeline under it adds special tokens to a text prompt from 4.43: CL002 asks the version)
_LANGCHAIN = ("langchain_huggingface", "langchain_community", "langchain")  # the packages that have offered it
LANGCHAIN_PIPELINE = "LangChain's `HuggingFacePipeline` (a transformers `text-generation` pipeline)"
OUTLINES = "an Outlines model of a transformers model (`outlines.from_transformers`)"
# TransformerLens (read in transformer-lens 2.16.1's and 3.4.0's `HookedTransformer.py`, and 3.4.0's `TransformerBridge`
# in `model_bridge/bridge.py`): `to_tokens(text)` puts the model's BOS in front of a text (by hand when its tokenizer
# adds none) unless `prepend_bos=False` (`cfg.default_prepend_bos` is True unless the model was loaded otherwise), and
# `generate`, the forward call, `run_with_cache` and `run_with_hooks` tokenize a text input through it; sae-lens's
# `HookedSAETransformer` is a subclass
TRANSFORMER_LENS = "TransformerLens's `HookedTransformer` (which puts the model's BOS in front of a text input)"
# `model.to_tokens(text)` where the module does not show the class: the method is TransformerLens's own name, and
# CL002 asks that the project declare transformer-lens or sae-lens
TRANSFORMER_LENS_BY_NAME = "TransformerLens's `to_tokens` (which puts the model's BOS in front of a text)"
TRANSFORMER_LENS_PACKAGES = ("transformer-lens", "sae-lens")
# (library, class) -> the words a message uses for its `generate`
_ENGINES = {
    ("vllm", "LLM"): "vLLM's `LLM.generate`",
    ("vllm", "AsyncLLMEngine"): "vLLM's `AsyncLLMEngine.generate`",
    ("vllm", "LLMEngine"): "vLLM's `LLMEngine.generate`",
    ("vllm", "AsyncLLM"): "vLLM's `AsyncLLM.generate`",
    ("sglang", "Engine"): "SGLang's `Engine.generate`",
    # TensorRT-LLM's LLM API takes text prompts the same way (its tokenizer adds special tokens)
    ("tensorrt_llm", "LLM"): "TensorRT-LLM's `LLM.generate`",
    # llama-cpp-python (read in 0.3.16's `llama.py`, `_create_completion`): a text prompt gets the model's BOS put
    # in front (when its GGUF says to add one), and is tokenized with `special=True`, so a BOS written in the text
    # is a second BOS token
    ("llama_cpp", "Llama"): "llama-cpp-python's `Llama.create_completion`",
    # nnsight's `LanguageModel` (read in 0.5.15's `modeling/language.py`, `_tokenize`: `self.tokenizer(inputs,
    # return_tensors="pt", padding=True, **kwargs)`; 0.8.1 hands text to the text-generation pipeline's
    # `preprocess`): a text prompt of `trace`, `generate` or a tracer's `invoke` is tokenized with special tokens
    # on, unless the call passes `add_special_tokens=False`
    ("nnsight", "LanguageModel"): "nnsight's `LanguageModel` (its `trace`, `generate` and `invoke`)",
    # LangChain's `HuggingFacePipeline` (`HuggingFacePipeline(pipeline=pipe)`, `HuggingFacePipeline.from_model_id(
    # ...)`; langchain-huggingface's, and langchain-community's before it): `invoke(text)`, `llm(text)` and the rest
    # hand the text to the transformers pipeline's call (read in langchain-huggingface 0.1.2's
    # `llms/huggingface_pipeline.py`, `_generate`: `self.pipeline(batch_prompts, **pipeline_kwargs)`)
    **{(library, "HuggingFacePipeline"): LANGCHAIN_PIPELINE for library in _LANGCHAIN},
    # Outlines (read in 1.2.3's `models/transformers.py`, `TransformerTokenizer.encode`: `self.tokenizer(prompt,
    # padding=True, return_tensors="pt")`; a processor's call for a multimodal model): the model `from_transformers`
    # wraps tokenizes a text prompt with special tokens on, called (`model(prompt, output_type)`) or through a
    # generator built on it (`Generator(model, output_type)(prompt)`; 0.x: `outlines.models.transformers(name)` and
    # `outlines.generate.json(model, schema)(prompt)`), and takes no switch for it
    ("outlines", "from_transformers"): OUTLINES,
    ("outlines", "models.transformers"): OUTLINES,
    ("outlines", "models.transformers_vision"): OUTLINES,
    # OpenVINO GenAI's `LLMPipeline` (read in openvino.genai 2026.3's `src/cpp/src/llm/pipeline_stateful.cpp`): a
    # text prompt is encoded with `add_special_tokens(true)` when `apply_chat_template` is off, and put in the chat
    # template again as a user turn when it is on (the default from 2025.1), so a rendered text starts with a second
    # BOS either way; its `generate` takes no switch for it (token ids, or the messages, are the way)
    ("openvino_genai", "LLMPipeline"): "OpenVINO GenAI's `LLMPipeline.generate`, which encodes a text prompt with "
    "special tokens on (or, with `apply_chat_template` on, the default from 2025.1, puts it in the chat template "
    "again)",
    ("transformer_lens", "HookedTransformer"): TRANSFORMER_LENS,
    ("transformer_lens", "TransformerBridge"): TRANSFORMER_LENS,
    ("sae_lens", "HookedSAETransformer"): TRANSFORMER_LENS,
}
# the methods that hand each library's engine a prompt (`llm(prompt)` is `__call__`)
_METHODS = {
    "llama_cpp": frozenset({"create_completion", "__call__"}),
    "huggingface_hub": frozenset({"text_generation"}),
    # vLLM's engines also take a prompt as a request of a loop the caller steps (`engine.add_request(request_id,
    # prompt, params)`, `LLM._validate_and_add_requests(prompts, params)`), tokenized as `generate` does; and
    # `LLM.beam_search([{"prompt": text}], params)`, which encodes each text with `tokenizer.encode(prompt["prompt"])`
    "vllm": frozenset({"generate", "add_request", "_validate_and_add_requests", "beam_search"}),
    # SGLang's `Engine.async_generate(prompt, sampling_params)`: `generate` for an event loop
    "sglang": frozenset({"generate", "async_generate"}),
    # TensorRT-LLM's `LLM.generate_async(prompt, sampling_params)`: one prompt, encoded as `generate` encodes each
    # (with `SamplingParams.add_special_tokens`, True by default)
    "tensorrt_llm": frozenset({"generate", "generate_async"}),
    # nnsight: `lm.trace(prompt)`, `lm.generate(prompt)`, and `tracer.invoke(prompt)` in `with lm.trace() as tracer:`
    "nnsight": frozenset({"trace", "generate", "invoke"}),
    # Outlines: `model(prompt, output_type)`, `model.stream(prompt)`, `model.batch(prompts)`, and a generator's
    "outlines": frozenset({"__call__", "stream", "batch"}),
    # LangChain's runnables (`llm.invoke(text)`, `llm.batch(texts)`) and its older calls (`llm(text)`, `predict`)
    **{
        library: frozenset({"invoke", "ainvoke", "batch", "abatch", "stream", "astream", "predict", "__call__"})
        for library in _LANGCHAIN
    },
    # text-generation's (TGI's Python client) and Ollama's clients
    "text_generation": frozenset({"generate", "generate_stream"}),
    "ollama": frozenset({"generate"}),
    "openvino_genai": frozenset({"generate", "__call__"}),
    **{
        library: frozenset({"to_tokens", "generate", "__call__", "run_with_cache", "run_with_hooks"})
        for library in ("transformer_lens", "sae_lens")
    },
}
# where a library's methods take the prompt, when not first: Ollama's `generate(model, prompt)`
_LIBRARY_PROMPT_ARGUMENT = {"ollama": ("prompt", 1)}
# the functions that build an Outlines generator on a model (its first argument), by the name `import outlines` binds
_OUTLINES_GENERATORS = frozenset(
    {"Generator", *(f"generate.{kind}" for kind in ("json", "regex", "choice", "text", "format", "cfg", "fsm"))}
)
# mlx-vlm's `generate` and `stream_generate`, functions given the model, the processor and a prompt: a text prompt is
# tokenized with special tokens on for every model but Gemma 3, 3n and 4 that have a chat template (read in mlx-vlm
# 0.3.5's, 0.4.0's and 0.5.0's `generate.py`, and 0.7.10's `generate/dispatch.py` with `utils.should_add_special_
# tokens`; 0.1.26's `utils.generate` the same, with Gemma 3 alone excepted)
MLX_VLM = (
    "mlx-vlm's `generate`, which tokenizes a text prompt with special tokens on (for every model but Gemma 3 and 4)"
)
# mlx-lm's `generate` and `stream_generate` (given the model, the tokenizer and a prompt) encode a text prompt with
# `tokenizer.encode(prompt)`, special tokens on, up to 0.20.6 (read in the `utils.py` of mlx-lm 0.14.3, 0.19.0 and
# 0.20.6); from 0.21.0 they leave the BOS off when the text starts with it (`add_special_tokens = tokenizer.bos_token
# is None or not prompt.startswith(tokenizer.bos_token)`): CL002 asks the project's mlx-lm versions
# Ollama's `generate(model, prompt)` (the module's function, or a `Client`'s method) puts a prompt in the model's own
# template unless `raw=True` is passed (read in ollama-python 0.4.7's `_client.py`, where the module's `generate` is
# a default `Client`'s, `generate(model, prompt, suffix, *, ..., raw=False)`; Ollama's API documentation says
# `api/generate` applies the model's template unless `raw`, which for a model with a BOS begins with it): a rendered
# prompt is templated twice
OLLAMA = "Ollama's `generate` without `raw=True` (it puts the prompt in the model's own template)"
MLX_LM = "mlx-lm's `generate` (before 0.21), which encodes a text prompt with special tokens on"
MLX_LM_SKIPS_BOS = "0.21"
_FUNCTIONS = {
    ("mlx_vlm", "generate"): MLX_VLM,
    ("mlx_vlm", "stream_generate"): MLX_VLM,
    ("mlx_lm", "generate"): MLX_LM,
    ("mlx_lm", "stream_generate"): MLX_LM,
    ("ollama", "generate"): OLLAMA,
}
# where those functions take the prompt, when not third: (keyword, position)
_FUNCTION_PROMPT = {OLLAMA: _LIBRARY_PROMPT_ARGUMENT["ollama"]}
# the engines whose calls take `add_special_tokens` themselves (and hand it to the tokenizer)
_TAKE_FLAG = frozenset({"nnsight"})
_FLAG_WORDS = frozenset(words for (library, _), words in _ENGINES.items() if library in _TAKE_FLAG)
# vLLM's engines take the tokenizer's keywords in `tokenization_kwargs={"add_special_tokens": False}` (read in vLLM
# 0.11's `LLM.generate` and `AsyncLLM.generate`)
_TOKENIZATION_KWARGS_WORDS = frozenset(words for (library, _), words in _ENGINES.items() if library == "vllm")
# the libraries known by their classes only: `llm(...)`, `model.generate(...)` are too common to judge by name
_BY_CLASS_ONLY = frozenset(
    {"llama_cpp", "openvino_genai", "nnsight", "outlines", "transformer_lens", "sae_lens", *_LANGCHAIN}
)
# where those methods take the prompt: (keywords, position)
_PROMPT_ARGUMENT = {
    "to_tokens": (("input",), 0),
    "add_request": (("prompt", "inputs"), 1),
    "_validate_and_add_requests": (("prompts", "inputs"), 0),
}
_GENERATE = frozenset({"generate"})
_ENGINE_METHODS = frozenset({"create_completion", "text_generation"}).union(*_METHODS.values())
_LIBRARIES = frozenset(library for library, _ in _ENGINES)
# clients of a server that runs one of those engines on the text they send: known by their class only
_CLIENTS = {
    ("trl", "VLLMClient"): "TRL's `VLLMClient.generate` (a `trl vllm-serve` server, whose vLLM tokenizes text prompts "
    "with special tokens on)",
    # huggingface_hub's clients send `text_generation(prompt)` to a TGI server's `/generate`, which tokenizes the
    # inputs with special tokens on and takes no switch for it (TGI's router/src/lib.rs: `GenerateRequest.
    # add_special_tokens` is `#[serde(default = "default_true", skip)]`, set to false only for its own chat renders)
    ("huggingface_hub", "InferenceClient"): "huggingface_hub's `InferenceClient.text_generation` (a TGI server, which "
    "tokenizes text inputs with special tokens on)",
    ("huggingface_hub", "AsyncInferenceClient"): "huggingface_hub's `AsyncInferenceClient.text_generation` (a TGI "
    "server, which tokenizes text inputs with special tokens on)",
    # text-generation (TGI's own Python client, read in 0.7.0's `client.py`): `generate(prompt)` and
    # `generate_stream(prompt)` post the text as `inputs` to the same `/generate`
    **{
        ("text_generation", name): f"text-generation's `{name}.generate` (a TGI server, which tokenizes text inputs "
        "with special tokens on)"
        for name in ("Client", "AsyncClient")
    },
    **{("ollama", name): OLLAMA for name in ("Client", "AsyncClient")},
}
# the engine a name like `llm` holds in a module that imports only that library
_MAIN_ENGINE = {
    "vllm": _ENGINES["vllm", "LLM"],
    "sglang": _ENGINES["sglang", "Engine"],
    "tensorrt_llm": _ENGINES["tensorrt_llm", "LLM"],
}
# words a module that hands an engine text must contain: its library, a completions request, or a pipeline
_ENGINE_WORDS = tuple(word.decode() for word in ENGINE_WORDS)
# the pipeline tasks that tokenize a string prompt with the tokenizer's special tokens on
_TEXT_GENERATION = frozenset({"text-generation"})
# keywords only a generating pipeline's call takes
_GENERATION_KEYWORDS = frozenset({"max_new_tokens", "do_sample", "return_full_text", "num_return_sequences"})
PIPELINE = "a transformers `text-generation` pipeline, which tokenizes a text prompt with special tokens on"
# before 4.43 the pipeline's `preprocess` passed `add_special_tokens=False` to the tokenizer for a text prompt (read in
# transformers 4.36.2 to 4.42.4's `pipelines/text_generation.py`); from 4.43.0 it passes the flag only when the
# call gives one, so the tokenizer's default (True) applies
PIPELINE_ADDS_SPECIAL = "4.43"


def may_name_engines(text: str) -> bool:
    """Can the module's text hand prompts to an engine at all? (Tested before its imports are read.)"""
    return any(word in text for word in _ENGINE_WORDS)


class EngineCall(NamedTuple):
    """A call that hands an engine text prompts: the words for the engine, the prompts, and whether the call takes
    `add_special_tokens` itself (a pipeline does; vLLM's `generate` does not)."""

    words: str
    text: ast.expr
    takes_flag: bool = False
    # where a function of another module builds the engine (`self.llm = build_engine(cfg)`)
    related: tuple[Related, ...] = ()
    # the call takes the tokenizer's keywords in `tokenization_kwargs=` (vLLM's)
    tokenization_kwargs: bool = False


class Engines(NamedTuple):
    """The serving engines a module can name: its local names for the engine classes (`LLM`, `vllm.LLM`,
    `sgl.Engine`), and whether it imports an engine library at all."""

    classes: dict[str, str]  # a dotted name the code may call -> the words for that engine's `generate`
    imported: str  # the words for the engine an imported library offers ("" when it imports none)
    # the names of transformers' `pipeline` factory (`pipeline`, `transformers.pipeline`)
    pipelines: frozenset[str] = frozenset()
    # the module imports from trl: `self.vllm_client` of a trl trainer subclass is the `VLLMClient` trl builds
    trl: bool = False
    # the functions of other modules that build an engine, by the name the module binds them to, with their place
    factories: tuple[tuple[str, Related], ...] = ()
    # the library functions that tokenize the prompt they are given (mlx-vlm's `generate`), by the name the module
    # calls them (`generate`, `mlx_vlm.stream_generate`) -> the words for them
    functions: tuple[tuple[str, str], ...] = ()
    # the names of Outlines' generator builders (`outlines.Generator`, `Generator`, `outlines.generate.json`): what
    # one builds runs the model it is given
    generators: frozenset[str] = frozenset()

    @classmethod
    def of(cls, imports: Iterable[ImportRef]) -> Engines:
        """The engines a module with these imports can name."""
        classes: dict[str, str] = {}
        libraries: set[str] = set()
        pipelines: set[str] = set()
        functions: dict[str, str] = {}
        generators: set[str] = set()
        for ref in imports:
            if ref.symbol in _LIBRARIES and ref.module.split(".")[0] not in _LIBRARIES:
                # a library module a project's lazy-import facade binds (`from .utils.lazy_imports import vllm`):
                # named as `import vllm` would name it
                ref = ImportRef(ref.local, ref.symbol, None, 0)
            root = ref.module.split(".")[0]
            if root == "outlines":  # `import outlines`: `outlines.Generator(...)`; `from outlines import Generator`
                names = _OUTLINES_GENERATORS if ref.symbol is None else {ref.symbol} & _OUTLINES_GENERATORS
                generators.update(f"{ref.local}.{name}" if ref.symbol is None else ref.local for name in names)
            if ref.symbol is None and ref.module == root:  # `import mlx_vlm`: `mlx_vlm.generate(...)`
                functions.update(
                    (f"{ref.local}.{name}", words) for (library, name), words in _FUNCTIONS.items() if library == root
                )
            elif (root, ref.symbol) in _FUNCTIONS:  # `from mlx_vlm import generate`
                functions[ref.local] = _FUNCTIONS[root, ref.symbol or ""]
            if ref.module in ("transformers", "transformers.pipelines"):
                if ref.symbol is None:  # `import transformers`: `transformers.pipeline(...)`
                    pipelines.add(f"{ref.local}.pipeline")
                elif ref.symbol == "pipeline":  # `from transformers import pipeline`
                    pipelines.add(ref.local)
                elif ref.symbol == "TextGenerationPipeline":  # built by its class: `TextGenerationPipeline(model=...)`
                    pipelines.add(ref.local)
                    classes[ref.local] = PIPELINE
                continue
            client = _CLIENTS.get((root, ref.symbol or ""))
            if client is None and ref.symbol == "VLLMClient" and ref.module.rsplit(".", 1)[-1] == "vllm_client":
                client = _CLIENTS["trl", "VLLMClient"]  # trl's own modules, or a copy of its client in a project
            if client is not None:  # `from trl.extras.vllm_client import VLLMClient`
                classes[ref.local] = client
                continue
            if ref.symbol is None and ref.module == root:  # `import ollama`: `ollama.Client(...)`
                classes.update(
                    (f"{ref.local}.{name}", words) for (library, name), words in _CLIENTS.items() if library == root
                )
            if root not in _LIBRARIES:
                continue
            libraries.add(root)
            if ref.symbol is None:  # `import vllm`, `import sglang as sgl`: `vllm.LLM`, `sgl.Engine`
                for (library, name), words in _ENGINES.items():
                    if library == root:
                        classes[f"{ref.local}.{name}"] = words
            elif (root, ref.symbol) in _ENGINES:  # `from vllm import LLM`, `from sglang import Engine as Sgl`
                classes[ref.local] = _ENGINES[root, ref.symbol]
            elif root == "sglang" and ref.symbol.endswith("Engine"):
                # SGLang's engines for other runtimes (`from sglang.srt.ray.engine import RayEngine as Engine`)
                classes[ref.local] = _ENGINES["sglang", "Engine"]
        libraries -= _BY_CLASS_ONLY
        trl = any(ref.module.split(".")[0] == "trl" and ref.level == 0 for ref in imports)
        if len(libraries) > 1:
            words = "the serving engine's `generate` (vLLM's, SGLang's or TensorRT-LLM's)"
        else:
            words = _MAIN_ENGINE[libraries.pop()] if libraries else ""
        return cls(
            classes,
            words,
            frozenset(pipelines),
            trl,
            functions=tuple(sorted(functions.items())),
            generators=frozenset(generators),
        )

    def with_factories(self, factories: dict[str, tuple[str, Related]]) -> Engines:
        """These engines, and the functions of other modules that build one (`build_engine`, by the name this module
        binds it to -> the words for its engine, and where it builds it): what they return is known as if built
        here."""
        if not factories:
            return self
        classes = {**self.classes, **{name: words for name, (words, _) in factories.items()}}
        places = tuple(sorted((name, place) for name, (_, place) in factories.items()))
        return self._replace(classes=classes, factories=places)

    def built_engine(self, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> str | None:
        """The words for the engine a function builds and returns: every value it returns is a call of an engine
        class (or a local name assigned one), or it is annotated to return one (`-> LLM`)."""
        annotation = function.node.returns if not isinstance(function.node, ast.Module) else None
        annotated = _engine_of(self.classes, annotation) if annotation is not None else None
        if annotated is not None:
            return annotated[1]
        flow = function_flow(function, flows)
        found = set()
        cached = []
        # (`return LLMPipeline(ir, device, cfg) if cfg else LLMPipeline(ir, device)`: both)
        returned = [part for value in flow.returns for part in _branches(value)]
        for value in returned:
            if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
                cached.append(value.value.id)  # `return _CACHE[key]`: what the function stored there (below)
                continue
            built = flow.assigned(value) if isinstance(value, ast.Name) else value
            engine = self._engine_built(built) if isinstance(built, ast.Call) else None
            if engine is None:
                return None
            found.add(engine[1])
        if cached and not all(_caches_engines(name, function, flow) for name in cached):
            return None
        return found.pop() if len(found) == 1 else None

    def factory_functions(
        self, functions: Iterable[FunctionInfo], flows: dict[int, FunctionFlow]
    ) -> Iterator[tuple[str, FunctionInfo, str]]:
        """The module-level functions among `functions` that build and return one of these engines, each by the name
        its callers' engines are known by (`load_engine`; `load_vllm#0` for the first item of the tuples it returns:
        `return model, tokenizer, params`), with the words for its `generate` (see `built_engine`)."""
        for function in functions:
            if function.cls is None and function.outer is not None and function.outer.is_module:
                words = self.built_engine(function, flows)
                if words is not None:
                    yield function.name, function, words
                    continue
                found = self._tuple_engine(function, flows)
                if found is not None:
                    yield f"{function.name}{ENGINE_ITEM}{found[0]}", function, found[1]

    def _tuple_engine(self, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> tuple[int, str] | None:
        """The place and the words of the engine in the tuples a function returns, when every value it returns is a
        tuple of one width with an engine built at the same place (`return llm, tokenizer, params`)."""
        flow = function_flow(function, flows)
        width = max((len(value.elts) for value in flow.returns if isinstance(value, ast.Tuple)), default=0)
        found = set()
        for position in range(width):
            for built in _items_returned(flow, position) or ():
                engine = self._engine_built(built) if isinstance(built, ast.Call) else None
                if engine is not None:
                    found.add((position, engine[1]))
        return found.pop() if len(found) == 1 else None

    def _engine_built(self, call: ast.Call) -> tuple[str, str] | None:
        """The library and the words of the engine a call builds: an engine class, or a `text-generation` pipeline
        (`pipeline("text-generation", model=name)`)."""
        if self._text_generation_pipeline(call):
            return "transformers", PIPELINE
        return _engine_of(self.classes, call.func)

    def _factory_places(
        self, call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]
    ) -> tuple[Related, ...]:
        """Where functions of other modules built the engine `call` is made on, if they did."""
        if not self.factories or not isinstance(call.func, ast.Attribute):
            return ()
        built = {dotted_name(value.func) for value in _built_calls(call.func.value, function, flows)}
        return tuple(place for name, place in self.factories if name in built)

    @property
    def _inference_client(self) -> str:
        """The words for huggingface_hub's client, when the module imports one ("" when it imports none)."""
        clients = [_CLIENTS["huggingface_hub", name] for name in ("InferenceClient", "AsyncInferenceClient")]
        return next((words for words in clients if words in self.classes.values()), "")

    def tokenizing_call(
        self, call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]
    ) -> EngineCall | None:
        """The words for the engine and the text prompts `call` hands it: an engine's `generate`, or a completions
        request to an OpenAI-compatible server; None for another call."""
        # (`Thread(target=self.llm.generate, args=(prompts, params))`: the engine's call, run by a thread)
        found = self.generate(submitted_call(call) or call, function, flows)
        if found is not None:
            if _sampling_sets_flag(function):
                return None  # TensorRT-LLM's `SamplingParams(add_special_tokens=False)` decides it
            texts = _text_prompts(found[1], function, flows)
            words = f"{found[0]}, which adds special tokens to a text prompt"
            takes_flag = found[0] in _FLAG_WORDS
            related = self._factory_places(call, function, flows)
            return EngineCall(words, texts, takes_flag, related, found[0] in _TOKENIZATION_KWARGS_WORDS)
        prompt = self.pipeline_prompt(submitted_call(call) or call, function, flows)
        if prompt is not None:
            return EngineCall(PIPELINE, prompt, takes_flag=True)
        library = dict(self.functions).get(dotted_name(call.func) or "") if self.functions else None
        keyword, position = _FUNCTION_PROMPT.get(library or "", ("prompt", 2))
        prompt = (positional(call, position) or keyword_value(call, keyword)) if library is not None else None
        if library == OLLAMA and _raw(call):
            prompt = None  # `raw=True`: the text goes to the model as it is
        if library is not None and prompt is not None:
            return EngineCall(library, prompt)  # `generate(model, processor, prompt, image)`
        return (
            completions_request(call, function, flows)
            or fast_generate_call(call)
            or generate_request(call, function, flows)
            or handed_endpoint_request(call, function)
        )

    def pipeline_prompt(
        self, call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]
    ) -> ast.expr | None:
        """`pipe(prompt, ...)` where the code shows `pipe` built as `pipeline("text-generation", ...)`: the prompt
        (first positional argument or `text_inputs=`); None for another call."""
        if not self.pipelines or not isinstance(call.func, (ast.Name, ast.Attribute)):
            return None
        if isinstance(call.func, ast.Attribute) and not is_self_attribute(call.func):
            return None  # `pipe(...)` or `self.pipe(...)`: a pipeline is called, not a method of one
        text = positional(call, 0) or keyword_value(call, "text_inputs")
        if text is None:
            return None
        # (built as a text-generation pipeline on at least one path, as no pipeline of another task on the others:
        # `self._pipeline = partial(neuron_infer, ...)` on a second branch is unknown, not a reason to look away)
        built = _built_calls(call.func, function, flows, callers=True)  # (also a parameter: what its callers pass)
        # (a pipeline built with no task takes the model's: one called with generation keywords generates text)
        generating = any(item.arg in _GENERATION_KEYWORDS for item in call.keywords)
        if not any(self._text_generation_pipeline(value, generating) for value in built):
            return None
        if any(
            dotted_name(value.func) in self.pipelines and not self._text_generation_pipeline(value, generating)
            for value in built
        ):
            return None
        return text

    def _text_generation_pipeline(self, value: ast.Call, generating: bool = False) -> bool:
        if self.classes.get(dotted_name(value.func) or "") == PIPELINE:
            return True  # (what a function of the project that builds one returns: `tok, pipe = load(name)`)
        if dotted_name(value.func) not in self.pipelines:
            return False
        task = keyword_value(value, "task") or positional(value, 0)
        if task is None:
            return generating and keyword_value(value, "model") is not None
        if isinstance(task, ast.Name):
            # a task held in a name the module sets to "text-generation" only (`task = "text-generation"`; set to
            # "text2text-generation" on another path, which task runs is not known here)
            assigned = re.findall(rf"""(?<![\w.]){re.escape(task.id)}\s*=(?!=)\s*(\S+)""", current_source().text)
            return bool(assigned) and all(value.strip("'\"") in _TEXT_GENERATION for value in assigned)
        return isinstance(task, ast.Constant) and task.value in _TEXT_GENERATION

    def generate(
        self, call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]
    ) -> tuple[str, ast.expr] | None:
        """`llm.generate(prompts, ...)` on an engine: the words for the engine and the prompts it is given (the
        first positional argument, `prompts=` or `prompt=`); None for another call."""
        func = call.func
        by_name = isinstance(func, ast.Attribute) and func.attr == "to_tokens" and dotted_name(func.value) != "self"
        if not (self.imported or self.classes or self.trl or by_name):
            return None
        if _prepend_bos_given(call):
            return None  # `model.to_tokens(text, prepend_bos=False)` (or a value the code decides)
        if isinstance(func, ast.Attribute) and func.attr in _ENGINE_METHODS:
            receiver, method = func.value, func.attr
        elif isinstance(func, ast.Name) or is_self_attribute(func):
            receiver, method = func, "__call__"  # `llm(prompt)`: an engine called
        else:
            return None
        keywords, position = _PROMPT_ARGUMENT.get(method, (("prompts", "prompt"), 0))
        text = next((value for key in keywords if (value := keyword_value(call, key)) is not None), None)
        text = text or positional(call, position) or _spread_prompt(call, function, keywords, flows)
        if text is None or (method == "generate" and _passes_token_ids(call)):
            return None
        # `tracer.invoke(prompt)` in `with lm.trace() as tracer:`: the model traced (LangChain's `llm.invoke(text)`
        # is the model's own)
        traced = _traced_model(receiver, function) if method == "invoke" else None
        receiver = traced or receiver
        models = self._built_models(receiver, function, flows)
        bound = _partial_method(models) if method == "__call__" else None
        if bound is not None:
            # `self.llm = partial(client.text_generation, max_new_tokens=n)`, then `self.llm(prompt)`: that method
            receiver, method = bound.value, bound.attr
            models = self._built_models(receiver, function, flows)
        # (an item of the tuples a function returns is known only when that function builds an engine there)
        built = [
            value.func
            for value in models
            if ENGINE_ITEM not in (dotted_name(value.func) or "") or _engine_of(self.classes, value.func)
        ]
        # (else a parameter or class field annotated with an engine class; `Any` says nothing)
        built = built or [cls for cls in _annotated_class(receiver, function) if _engine_of(self.classes, cls)]
        if built:
            engines = {_engine_of(self.classes, cls) for cls in built}
            if len(engines) > 1 and _passes_sampling_params(call, function):
                # built as several kinds of model on different paths (`self._model` a vLLM engine for one runtime,
                # a transformers model for another): a call given `SamplingParams` is vLLM's (or TensorRT-LLM's)
                engines &= {_engine_of(self.classes, cls) for cls in built if _takes_sampling_params(cls, self)}
            if len(engines) > 1:
                # the call under the same test of the kind as one of the paths that builds it (`if self.kind ==
                # "sglang":` around both `self._m = Engine(...)` and `self._m.generate(text, ...)`): that one's
                engines = {
                    _engine_of(self.classes, value.func)
                    for value in _built_under_the_same_test(
                        self._built_models(receiver, function, flows), call, function
                    )
                } or engines
            if len(engines) != 1 or None in engines:
                return None
            library, words = engines.pop()  # type: ignore[misc]  # (None is ruled out above)
            if method not in _METHODS.get(library, _GENERATE) or (
                library == "nnsight" and method == "invoke" and not traced
            ):
                return None
            if library in _LIBRARY_PROMPT_ARGUMENT:
                keyword, position = _LIBRARY_PROMPT_ARGUMENT[library]
                text = keyword_value(call, keyword) or positional(call, position)
            if text is None or (library == "ollama" and _raw(call)):
                return None
            if method == "beam_search":
                # (it takes no tokenization switch: not the words of `generate`, whose switches are read)
                words = words.replace(".generate`", ".beam_search`")
            return words, text
        if by_name and text is not None:
            return TRANSFORMER_LENS_BY_NAME, text  # (`model: Any`, a model handed in: the method says whose it is)
        if method == "text_generation":
            # in a module that imports huggingface_hub's clients, `text_generation` is theirs however the client was
            # made (`self.client, self.async_client = self._create_clients(cfg)`): no other library names it so
            # (a method of the class's own so named is not)
            own = dotted_name(receiver) in ("self", "cls")
            return (self._inference_client, text) if self._inference_client and not own else None
        if method in _PROMPT_ARGUMENT and self.imported == _MAIN_ENGINE["vllm"] and _named_for_an_engine(receiver):
            return self.imported, text  # `self.llm_engine.add_request(...)` in a module that imports only vLLM
        if method == "async_generate" and self.imported == _MAIN_ENGINE["sglang"] and _named_for_sglang(receiver):
            return self.imported, text  # `self.engine.async_generate(prompt=...)` in a module that imports SGLang
        if method != "generate":
            return None
        if self.trl and dotted_name(receiver) == "self.vllm_client":
            return _CLIENTS["trl", "VLLMClient"], text  # set by the trl trainer this class extends
        # (`model.generate(prompts, sampling_params)`: a name that says so, or the engine's sampling parameters given;
        # a transformers model's `generate` takes none)
        named = (
            _named_for_an_engine(func.value)  # type: ignore[attr-defined]
            or keyword_value(call, "sampling_params") is not None
            or any(isinstance(value, ast.Name) and value.id == "sampling_params" for value in call.args)
            or _passes_sampling_params(call, function)
        )
        return (self.imported, text) if self.imported and named else None

    def _built_models(
        self, receiver: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow]
    ) -> list[ast.Call]:
        """The calls `receiver` was built by (see `_built_calls`), an Outlines generator's by those of the model it
        was built on (`Generator(model, output_type)`)."""
        found = []
        for value in _built_calls(receiver, function, flows):
            model = first_argument(value) if dotted_name(value.func) in self.generators else None
            found += _built_calls(model, function, flows) if model is not None else [value]
        return found


def _built_under_the_same_test(built: list[ast.Call], call: ast.Call, function: FunctionInfo) -> list[ast.Call]:
    """Of the calls an engine is built by on different paths, those under an `if` whose test is written as one the
    call is under (`self.kind == "sglang"`), in the methods of the function's class (or the function)."""
    tests = _tests_above(call, function.node)
    if not tests:
        return []
    scopes = [function.node]
    if function.self_class is not None:
        scopes += [method.node for cls in function.self_class.lineage() for method in cls.methods.values()]
    return [value for value in built if any(_tests_above(value, scope) & tests for scope in scopes)]


def _tests_above(node: ast.AST, scope: ast.AST) -> set[str]:
    """The tests of the `if`s (and `elif`s) whose body holds `node` in `scope`, as written; empty when it is not
    there."""
    path: list[ast.AST] = []

    def find(current: ast.AST) -> bool:
        if current is node:
            return True
        for child in ast.iter_child_nodes(current):
            path.append(current)
            if find(child):
                return True
            path.pop()
        return False

    if not find(scope):
        return set()
    tests = set()
    for above, below in zip(path, [*path[1:], node]):
        if isinstance(above, ast.If) and below in above.body:
            tests.add(code(above.test))
    return tests


def _partial_method(built: list[ast.Call]) -> ast.Attribute | None:
    """The method of another object a callable was built on by `functools.partial` (`partial(client.
    text_generation, max_new_tokens=512)`), when every call that builds it is such a partial of one method."""
    partials = [value for value in built if dotted_name(value.func) in ("partial", "functools.partial")]
    methods = {code(first): first for value in partials if isinstance(first := first_argument(value), ast.Attribute)}
    if not partials or len(partials) != len(built) or len(methods) != 1:
        return None
    return next(iter(methods.values()))


def _prepend_bos_given(call: ast.Call) -> bool:
    """The call passes TransformerLens's `prepend_bos` as anything but a literal True."""
    value = keyword_value(call, "prepend_bos")
    return value is not None and not (isinstance(value, ast.Constant) and value.value is True)


def _passes_token_ids(call: ast.Call) -> bool:
    """Does a `generate` call hand the engine token ids beside the text, which vLLM's older API then uses instead of
    tokenizing it (`LLM.generate(prompts, params, prompt_token_ids)`, `AsyncLLMEngine.generate(prompt, params,
    request_id, prompt_token_ids)`, or `prompt_token_ids=ids`)?"""
    given = keyword_value(call, "prompt_token_ids")
    if given is None and len(call.args) >= 3:
        given = call.args[3] if len(call.args) >= 4 else call.args[2]
        if not (len(call.args) >= 4 or re.search(r"(?i)token|ids", dotted_name(given) or "")):
            return False
    return given is not None and not (isinstance(given, ast.Constant) and given.value is None)


def _passes_sampling_params(call: ast.Call, function: FunctionInfo) -> bool:
    """Does the call hand over `SamplingParams(...)`, built in place or assigned once to a local name?"""
    for value in [*call.args, *(item.value for item in call.keywords)]:
        if isinstance(value, ast.Name):
            assigned = function.assignments.get(value.id, [])
            value = assigned[0] if len(assigned) == 1 else value
        if not isinstance(value, ast.Call):
            continue
        cls = value.func
        attribute = is_self_attribute(cls)
        if attribute and function.self_class is not None:
            # `self.sampling_params_class(...)`, with `self.sampling_params_class = SamplingParams` in a method
            stored = function.self_class.attributes.get(attribute, [])
            cls = stored[0] if len(stored) == 1 else cls
        if (dotted_name(cls) or "").rsplit(".", 1)[-1] == "SamplingParams":
            return True
    return False


def _takes_sampling_params(cls: ast.expr, engines: Engines) -> bool:
    """Is `cls` the class of an engine whose `generate` takes `SamplingParams` (vLLM's, TensorRT-LLM's)?"""
    found = _engine_of(engines.classes, cls)
    return found is not None and found[0] in ("vllm", "tensorrt_llm")


def _raw(call: ast.Call) -> bool:
    """Does an Ollama call pass `raw=` other than a literal False (the prompt goes to the model untemplated)?"""
    raw = keyword_value(call, "raw")
    return raw is not None and not (isinstance(raw, ast.Constant) and raw.value is False)


def _traced_model(tracer: ast.expr, function: FunctionInfo) -> ast.expr | None:
    """The model `tracer` traces when a `with` of the function binds it (`with lm.trace() as tracer:`, `with
    lm.generate(max_new_tokens=8) as tracer:`): `lm`; None when the function binds it otherwise, or not at all."""
    if not isinstance(tracer, ast.Name):
        return None
    for node in ast.walk(function.node):
        if isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                bound = item.optional_vars
                context = item.context_expr
                if isinstance(bound, ast.Name) and bound.id == tracer.id and isinstance(context, ast.Call):
                    return context.func.value if isinstance(context.func, ast.Attribute) else None
    return None


def _annotated_class(receiver: ast.expr, function: FunctionInfo) -> list[ast.expr]:
    """The class a parameter is annotated with (`lm: LanguageModel`), or an attribute in the class's body (`llm:
    LLM`), when `receiver` is one: [] otherwise."""
    annotation = None
    if isinstance(receiver, ast.Name):
        param = function.params.get(receiver.id)
        annotation = param.annotation if param is not None else None
    elif (attribute := is_self_attribute(receiver)) and function.self_class is not None:
        lineage = function.self_class.lineage()
        annotation = next((found for owner in lineage if (found := owner.annotations.get(attribute))), None)
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):  # `LanguageModel | None`
        annotation = annotation.left
    return [annotation] if annotation is not None else []


def _caches_engines(name: str, function: FunctionInfo, flow: FunctionFlow) -> bool:
    """Does the function store in `name` (a cache, `_CACHE[key] = llm`) only the engine it builds and returns?"""
    stored = [
        node.value
        for node in ast.walk(function.node)
        if isinstance(node, ast.Assign)
        and any(isinstance(target, ast.Subscript) and dotted_name(target.value) == name for target in node.targets)
    ]
    returned = {value.id for value in flow.returns if isinstance(value, ast.Name)}
    return bool(stored) and all(isinstance(value, ast.Name) and value.id in returned for value in stored)


def _spread_prompt(
    call: ast.Call, function: FunctionInfo, keys: tuple[str, ...], flows: dict[int, FunctionFlow]
) -> ast.expr | None:
    """The prompt an engine call passes inside a mapping it spreads: a dict the code shows (`flags.mapping_value`)
    with a `"prompt"` key, or the dict a method of the class builds and returns from its parameters (`kwargs =
    self._build_generate_kwargs(request, prompt)`: the argument given for the parameter it puts there)."""
    for item in call.keywords:
        if item.arg is not None or not isinstance(item.value, ast.Name):
            continue
        found = _mapping_item(item.value, keys, function)
        assigned = function.assignments.get(item.value.id, [])
        if found is None and len(assigned) == 1 and isinstance(assigned[0], ast.Call):
            built = _built_by_method(assigned[0], function, keys, flows)
            if built is not None:
                method, parameter = built
                found = bound_argument(assigned[0], method.call_params, parameter)
        if found is not None:
            return found
    return None


def _mapping_item(mapping: ast.expr, keys: tuple[str, ...], function: FunctionInfo) -> ast.expr | None:
    """The value of the first of `keys` the mapping holds."""
    found = (mapping_value(key, mapping, function) for key in keys)
    return next((value for value, _ in filter(None, found)), None)


def _built_by_method(
    call: ast.Call, function: FunctionInfo, keys: tuple[str, ...], flows: dict[int, FunctionFlow]
) -> tuple[FunctionInfo, str] | None:
    """`self.<method>(...)`, a method of the caller's class that returns a dict it builds with one of its parameters
    under one of `keys`: the method and that parameter."""
    func = call.func
    cls = function.cls
    if cls is None or not isinstance(func, ast.Attribute) or dotted_name(func.value) != "self":
        return None
    method = cls.methods.get(func.attr)
    returns = function_flow(method, flows).returns if method is not None else []
    if method is None or len(returns) != 1:
        return None
    item = _mapping_item(returns[0], keys, method)
    return (method, item.id) if isinstance(item, ast.Name) and item.id in method.params else None


def _engine_of(classes: dict[str, str], cls: ast.expr) -> tuple[str, str] | None:
    """The library and the words of the engine class `cls` names, when it names one (also through a constructor
    of the class: `AsyncLLMEngine.from_engine_args(args)`)."""
    name = dotted_name(cls) or ""
    head, _, last = name.rpartition(".")
    words = classes.get(name) or (classes.get(head) if last.startswith("from_") else None)
    if words is None:
        return None
    known = {**_ENGINES, **_CLIENTS}.items()
    library = next((library for (library, _), described in known if described == words), "")
    return library, words


def _sampling_sets_flag(function: FunctionInfo) -> bool:
    """Does the function build sampling parameters that say whether to add special tokens (TensorRT-LLM's
    `SamplingParams(add_special_tokens=...)`), or, in a method, does a method of its class keep such parameters on
    the instance (`self.sampling_params = SamplingParams(..., add_special_tokens=False)` in `setup`)?"""
    cls = function.self_class
    places = [function.node] if cls is None else [function.node, *(method.node for method in cls.methods.values())]
    return any(
        isinstance(node, ast.Call)
        and (called_name(node) or "").endswith("SamplingParams")
        and keyword_value(node, "add_special_tokens") is not None
        for place in places
        for node in ast.walk(place)
    )


_COMPLETIONS = (
    "a completions request to an OpenAI-compatible server (`completions.create`), which vLLM and SGLang serve "
    "with special tokens on"
)


def completions_request(call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> EngineCall | None:
    """`client.completions.create(model=..., prompt=text)`: a completions request to an OpenAI-compatible server,
    which (served by vLLM or SGLang) tokenizes a text prompt with special tokens on; None for another call, and
    when the request's `extra_body` may turn them off (`_may_turn_off`)."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != "create":
        return None
    if not isinstance(func.value, ast.Attribute) or func.value.attr != "completions":
        return None
    text = keyword_value(call, "prompt")
    if text is None or _may_turn_off(keyword_value(call, "extra_body"), function, flows):
        return None
    return EngineCall(_COMPLETIONS, text)


def _may_turn_off(body: ast.expr | None, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> bool:
    """May a request's `extra_body` pass `add_special_tokens`? Not when there is none, and not when the function
    shows all of its keys and that is not one of them: a dict literal without `**`, also one bound to a name the
    function fills key by key (`extra_body = {}`, then `extra_body["stop_token_ids"] = ...`) and never `.update()`s."""
    if body is None:
        return False
    keys: list[str | None] = []
    if isinstance(body, ast.Name):
        name = body.id
        stores = [
            node
            for node in ast.walk(function.node)
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and code(node.value) == name
        ]
        keys.extend(string_value(store.slice) for store in stores)
        if updated(name, function):
            return True
        body = function_flow(function, flows).assigned(body)
    if not isinstance(body, ast.Dict):
        return True
    keys.extend(string_value(key) if key is not None else None for key in body.keys)
    return None in keys or "add_special_tokens" in keys


_FAST_GENERATE = (
    "Unsloth's `fast_generate` (vLLM's `LLM.generate` on a model loaded with `fast_inference=True`), which adds "
    "special tokens to a text prompt"
)


def fast_generate_call(call: ast.Call) -> EngineCall | None:
    """`model.fast_generate(prompts, sampling_params=...)`: Unsloth hands the prompts to the vLLM engine it built
    for the model, which tokenizes a text prompt with special tokens on; None for another call."""
    if not isinstance(call.func, ast.Attribute) or call.func.attr != "fast_generate":
        return None
    text = positional(call, 0) or keyword_value(call, "prompts")
    return EngineCall(_FAST_GENERATE, text) if text is not None else None


_GENERATE_REQUEST = (
    "a raw `/generate` request to a serving engine (SGLang's native API, vLLM's API server, TGI, `trl vllm-serve`), "
    "which tokenizes a text prompt with special tokens on"
)
_COMPLETIONS_REQUEST = (
    "a raw completions request (`/v1/completions`) to an OpenAI-compatible server, which vLLM and SGLang serve with "
    "special tokens on"
)
_LLAMA_SERVER_REQUEST = (
    "a `/completion` request to llama.cpp's server, which tokenizes a text prompt with the model's special tokens "
    "(the BOS) added"
)
# the keys of a request's JSON body that hold its text prompt(s), in the order they are looked for
_PROMPT_KEYS = ("text", "prompt", "prompts", "inputs")


def generate_request(call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> EngineCall | None:
    """`requests.post(f"{url}/generate", json={"text": prompt, ...})` (also `session.post`, `httpx`, `aiohttp`,
    and `urllib.request.Request(url, data=json.dumps(body).encode())`): a request to an engine's own `/generate`
    endpoint, or to an OpenAI-compatible server's `/v1/completions`, with a text prompt, which the engine tokenizes
    with special tokens on; None for another call, and when the body passes `add_special_tokens` or token ids."""
    if isinstance(call.func, ast.Attribute) and call.func.attr == "post":
        body = keyword_value(call, "json")
    elif called_name(call) == "Request":
        body = _json_dumped(keyword_value(call, "data") or positional(call, 1))
    else:
        return None
    url = keyword_value(call, "url") or positional(call, 0)
    words = _endpoint_words(url, function) if url is not None else None
    if words is None:
        return None
    named = body.id if isinstance(body, ast.Name) else None
    if isinstance(body, ast.Name):
        body = function_flow(function, flows).assigned(body)
    keyed = function.key_assignments.get(named or "", {})
    if not isinstance(body, ast.Dict) and not any(key in keyed for key in _PROMPT_KEYS):
        return None
    # the body's literal entries, and the keys the function sets on it (`body["prompt"] = render(...)` on a body
    # the request gave)
    literal = zip(body.keys, body.values) if isinstance(body, ast.Dict) else ()
    entries = {string_value(key): value for key, value in literal if key is not None} | keyed
    if "add_special_tokens" in entries or "input_ids" in entries or None in entries:
        return None
    text = next((entries[key] for key in _PROMPT_KEYS if key in entries), None)
    return EngineCall(words, text) if text is not None else None


def handed_endpoint_request(call: ast.Call, function: FunctionInfo) -> EngineCall | None:
    """A helper of the project handed a text `prompt=` and the URL of an engine's `/generate` or a server's
    `/v1/completions` (`post_http_request(prompt=text, api_url=f"http://127.0.0.1:{port}/v1/completions")`): it
    sends the one to the other, which tokenizes it with special tokens on. The URL is a keyword argument whose
    name says so (`url`, `api_url`, `endpoint`); None for another call."""
    prompt = keyword_value(call, "prompt")
    if prompt is None or (isinstance(call.func, ast.Attribute) and call.func.attr == "post"):
        return None  # (a `requests.post` itself is read by `generate_request`)
    for item in call.keywords:
        if item.arg is not None and _URL_KEYWORD.search(item.arg):
            words = _endpoint_words(item.value, function)
            if words is not None and words != _LLAMA_SERVER_REQUEST:
                return EngineCall(words, prompt)
    return None


_URL_KEYWORD = re.compile(r"url|endpoint")


def _json_dumped(data: ast.expr | None) -> ast.expr | None:
    """The value `json.dumps(value).encode()` (or `json.dumps(value)`) serialises; None for other data."""
    if isinstance(data, ast.Call) and isinstance(data.func, ast.Attribute) and data.func.attr == "encode":
        data = data.func.value
    if isinstance(data, ast.Call) and dotted_name(data.func) in ("json.dumps", "dumps"):
        return first_argument(data)
    return None


def _endpoint_words(url: ast.expr, function: FunctionInfo) -> str | None:
    """The words for the endpoint `url` names (a literal, an f-string, `base + "/generate"`, or a local name bound
    once to one): an engine's `/generate`, a server's `/v1/completions` (not `/chat/completions`, where the server
    renders the messages itself), or llama.cpp's server's `/completion`; None for another endpoint."""
    if isinstance(url, ast.Name):
        values = function.assignments.get(url.id, [])
        url = values[0] if len(values) == 1 else url
    pieces = [node.value for node in ast.walk(url) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    if any("/generate" in piece for piece in pieces):
        return _GENERATE_REQUEST
    if any("/completions" in piece and "chat/completions" not in piece for piece in pieces):
        return _COMPLETIONS_REQUEST
    if any(piece.rstrip("/").endswith("/completion") and "chat" not in piece for piece in pieces):
        return _LLAMA_SERVER_REQUEST
    return None


def _text_prompts(
    prompts: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow], depth: int = 0
) -> ast.expr:
    """The texts in what an engine's `generate` is given: the `"prompt"` of vLLM's text prompts (`{"prompt": text,
    "multi_modal_data": ...}`, `TextPrompt(prompt=text)`), one or a list of them (a display, a comprehension, or a
    local name assigned one); anything else as it is."""
    if isinstance(prompts, ast.Name) and depth < 3:
        appended = [value for kind, value in function.mutations.get(prompts.id, ()) if kind == "append"]
        if appended:  # `inputs.append({"prompt": prompt, ...})`, or a name assigned one (`prompt = TextPrompt(...)`)
            return _texts_of([_prompt_assigned(value, function) for value in appended], prompts)
        value = function_flow(function, flows).assigned(prompts)
        if value is not None:
            found = _text_prompts(value, function, flows, depth + 1)
            return found if found is not value else prompts
        iterated = _iterated(prompts.id, function, flows)
        if iterated is not None:
            # `for request in requests: llm.generate(request, ...)` over a list of text prompts: their texts
            found = _text_prompts(iterated, function, flows, depth + 1)
            return found if found is not iterated else prompts
        return prompts
    if isinstance(prompts, (ast.ListComp, ast.GeneratorExp)):
        text = _prompt_of(prompts.elt)
        if text is None:
            return prompts
        return ast.copy_location(ast.ListComp(elt=text, generators=prompts.generators), prompts)
    if isinstance(prompts, ast.List) and prompts.elts:
        return _texts_of(prompts.elts, prompts)
    return _prompt_of(prompts) or prompts


def _iterated(name: str, function: FunctionInfo, flows: dict[int, FunctionFlow]) -> ast.expr | None:
    """What the name is the loop variable of, when one `for` loop of the function binds it and nothing else does (a
    comprehension's own variable of that name aside)."""
    bindings = [
        binding
        for binding in function_flow(function, flows).bindings.get(name, ())
        if not isinstance(binding.statement, ast.comprehension)
    ]
    if (
        len(bindings) != 1
        or bindings[0].kind != "loop"
        or not isinstance(bindings[0].statement, ast.For | ast.AsyncFor)
    ):
        return None
    return bindings[0].value


def _texts_of(elements: list[ast.expr], where: ast.expr) -> ast.expr:
    """A list of the prompts' texts, placed at `where`, when every element is a text prompt; else `where`."""
    texts = [text for element in elements if (text := _prompt_of(element)) is not None]
    if not texts or len(texts) != len(elements):
        return where
    return ast.copy_location(ast.List(elts=texts, ctx=ast.Load()), where)


def _prompt_assigned(value: ast.expr, function: FunctionInfo) -> ast.expr:
    """For a local name appended to a list of prompts: the text prompt it is assigned (`prompt =
    TextPrompt(prompt=text)`), when the function assigns it text prompts and token prompts only (`TokensPrompt(...)`
    on another branch carries no text); else the name itself."""
    if not isinstance(value, ast.Name):
        return value
    values = function.assignments.get(value.id, [])
    texts = [item for item in values if _prompt_of(item) is not None]
    if len(texts) == 1 and all(item is texts[0] or _token_prompt(item) for item in values):
        return texts[0]
    return value


def _token_prompt(node: ast.expr) -> bool:
    """`TokensPrompt(...)` or `{"prompt_token_ids": ...}`: a prompt of ids, with no text to tokenize."""
    if isinstance(node, ast.Dict):
        return any(string_value(key) == "prompt_token_ids" for key in node.keys)
    return isinstance(node, ast.Call) and called_name(node) == "TokensPrompt"


# the keys of vLLM's prompt dicts (`TextPrompt`): the text and what goes with it
_TEXT_PROMPT_KEYS = frozenset({"prompt", "multi_modal_data", "mm_processor_kwargs", "multi_modal_uuids", "cache_salt"})


def built_text_prompt(node: ast.expr) -> ast.expr | None:
    """`text` for a dict built as vLLM's text prompt and nothing else (`{"prompt": text, "multi_modal_data": ...}`,
    no key vLLM's prompt dicts do not take), where no engine is in sight yet (what a helper returns); else None."""
    if not isinstance(node, ast.Dict) or not all(string_value(key) in _TEXT_PROMPT_KEYS for key in node.keys):
        return None
    return _prompt_of(node)


def _prompt_of(node: ast.expr) -> ast.expr | None:
    """`text` for `{"prompt": text, ...}` or `TextPrompt(prompt=text)`, else None."""
    if isinstance(node, ast.Dict):
        return next((value for key, value in zip(node.keys, node.values) if string_value(key) == "prompt"), None)
    if isinstance(node, ast.Call) and called_name(node) == "TextPrompt":
        return keyword_value(node, "prompt") or positional(node, 0)
    return None


def _passed_by_callers(
    param: str, function: FunctionInfo, flows: dict[int, FunctionFlow], depth: int
) -> list[ast.Call]:
    """The calls that built what every call of the module passes for the parameter `param` of `function`
    (`answer(chat_pipe, question)` with `chat_pipe = load_pipe()`); none when one call passes nothing the code
    shows built."""
    if depth >= 2 or not function.callers:
        return []
    found: list[ast.Call] = []
    for call, caller in function.callers:
        argument = bound_argument(call, function.call_params, param)
        built = _built_calls(argument, caller, flows, depth + 1, callers=True) if argument is not None else []
        if not built:
            return []
        found += built
    return found


def _built_calls(
    receiver: ast.expr, function: FunctionInfo, flows: dict[int, FunctionFlow], depth: int = 0, callers: bool = False
) -> list[ast.Call]:
    """The calls the code shows `receiver` built by: a local name assigned one call (with `callers`, a parameter: what
    every call of the module passes for it, `_passed_by_callers`), `self.x` set in `__init__`,
    or for `self.llm` every call that sets it in any method of the class (a lazy `load_model()`), or of a base
    class of the module when the class sets none; a call itself (`LLM(...).generate(...)`) is its own. A call of a
    method of the class (`self.model = self._create_model(cfg)`) stands for the calls that method returns (the
    class's own override first)."""
    if isinstance(receiver, ast.Call):
        return [receiver]
    if isinstance(receiver, ast.Name):
        flow = function_flow(function, flows)
        bindings = flow.reaching(receiver.id, receiver)
        value = flow.assigned(receiver)
        value = value.value if isinstance(value, ast.Await) else value  # (`pipe = await load_pipeline(name)`)
        if isinstance(value, ast.Call) and dotted_name(value.func) == "getattr" and len(value.args) == 3:
            # `getattr(self.model, "llm", self.model)`: the model itself, or one it wraps (the default's calls)
            return _built_calls(value.args[2], function, flows, depth)
        if isinstance(value, ast.Call):
            return _built_by(value, function, flows, depth)  # (`pipe = self._ensure_pipeline()`: what it returns)
        unpacked = bindings[0] if len(bindings) == 1 and bindings[0].kind == "unpack" else None
        if unpacked is not None and isinstance(unpacked.value, ast.Call) and unpacked.position is not None:
            return [_item_of(unpacked.value, unpacked.position)]  # `params, llm, tok = load_model(cfg)`
        if callers and bindings and all(binding.kind == "param" for binding in bindings):
            return _passed_by_callers(receiver.id, function, flows, depth)
        scope = function.outer
        while not bindings and scope is not None:  # a name of an enclosing function or of the module
            values = scope.assignments.get(receiver.id)
            if values is not None:
                if len(values) != 1 or not isinstance(values[0], ast.Call):
                    return []
                return _built_by(values[0], scope, flows, depth)  # (in the method a closure is defined in)
            scope = scope.outer
        return []
    attribute = is_self_attribute(receiver)
    if not attribute or function.self_class is None:
        return []
    attribute = function.self_class.property_attribute(attribute) or attribute  # `self._engine`, a lazy property
    lineage = function.self_class.lineage()
    values = next((found for owner in lineage if (found := owner.attributes.get(attribute))), [])
    if not values:
        # (set by the subclasses of the module: a base class that leaves it to them, `self.llm = partial(...)`)
        values = [value for sub in function.self_class.module_subclasses for value in sub.attributes.get(attribute, [])]
    built = []
    for value in values:
        if isinstance(value, ast.Call):
            built += _returned_calls(value, lineage, flows, depth) or [value]
        elif isinstance(value, ast.Subscript) and isinstance(value.value, ast.Call):
            position = value.slice.value if isinstance(value.slice, ast.Constant) else None
            if type(position) is int:  # `self.llm, self.tok = load_vllm(cfg)` (see `Indexer._assign`)
                built += _returned_items(value.value, position, lineage, flows)
    return built


def _returned_items(
    call: ast.Call, position: int, lineage: list[ClassInfo], flows: dict[int, FunctionFlow]
) -> list[ast.Call]:
    """The calls at `position` of the tuples a method of the class returns (`return AsyncClient(url),
    Client(url)`), for a call of it; for a call of a function, the item as `factory_functions` names it."""
    name = is_self_attribute(call.func)
    method = next((owner.methods[name] for owner in lineage if name in owner.methods), None) if name else None
    if method is None:
        return [] if name else [_item_of(call, position)]
    built = _items_returned(function_flow(method, flows), position) or []
    return [value for value in built if isinstance(value, ast.Call)]


def _items_returned(flow: FunctionFlow, position: int) -> list[ast.expr | None] | None:
    """The item at `position` of each tuple a function returns, a local name read as the value it was assigned
    (None when not one value); None when it returns nothing, or anything but such tuples."""
    returns = flow.returns
    if not returns or not all(isinstance(value, ast.Tuple) and position < len(value.elts) for value in returns):
        return None
    items = [value.elts[position] for value in returns if isinstance(value, ast.Tuple)]
    return [flow.assigned(item) if isinstance(item, ast.Name) else item for item in items]


def _item_of(call: ast.Call, position: int) -> ast.Call:
    """A call standing for the item at `position` of what `call` returns, named as `factory_functions` names it."""
    name = f"{dotted_name(call.func) or ''}{ENGINE_ITEM}{position}"
    return ast.copy_location(ast.Call(func=ast.Name(id=name, ctx=ast.Load()), args=[], keywords=[]), call)


def _built_by(call: ast.Call, function: FunctionInfo, flows: dict[int, FunctionFlow], depth: int) -> list[ast.Call]:
    """The calls a local name assigned `call` in `function` is built by: what a method of the function's class it
    calls returns (`pipe = self._ensure_pipeline()`), else the call itself."""
    lineage = function.self_class.lineage() if function.self_class is not None else []
    return _returned_calls(call, lineage, flows, depth) or [call]


def _returned_calls(
    call: ast.Call, lineage: list[ClassInfo], flows: dict[int, FunctionFlow], depth: int = 0
) -> list[ast.Call]:
    """The calls a method of the class returns, for a call of it (`self._create_model(cfg)`): a call returned as
    it is, or a local name assigned one (`model = LLM(...)`, `return model`); [] when it returns anything else."""
    name = is_self_attribute(call.func)
    method = next((owner.methods[name] for owner in lineage if name in owner.methods), None) if name else None
    if method is None:
        return []
    flow = function_flow(method, flows)
    found = []
    for value in flow.returns:
        if is_self_attribute(value) and depth < 2:
            # `return self._pipeline`, set lazily by the method (or elsewhere in the class) to a call
            built_there = _built_calls(value, method, flows, depth + 1)
            if not built_there:
                return []
            found += built_there
            continue
        built = flow.assigned(value) if isinstance(value, ast.Name) else value
        if not isinstance(built, ast.Call):
            return []
        found.append(built)
    return found


def _named_for_sglang(receiver: ast.expr) -> bool:
    """`engine`, `self.sgl_engine`, `llm`: a name for SGLang's `Engine` (as its documentation names it)."""
    last = (dotted_name(receiver) or "").split(".")[-1].lower().lstrip("_")
    return _named_for_an_engine(receiver) or bool({"engine", "sgl", "sglang"} & set(last.split("_")))


def _named_for_an_engine(receiver: ast.expr) -> bool:
    """`llm`, `self.vllm`, `policy_llm`, `self.llm_engine`: a name that says it holds a language-model engine."""
    name = dotted_name(receiver)
    if name is None:
        return False
    last = name.split(".")[-1].lower().lstrip("_")
    words = last.split("_")
    return "llm" in words or "vllm" in words or last.endswith("llm")


def _branches(value: ast.expr) -> list[ast.expr]:
    """The values a returned expression may be: both branches of a conditional expression, else itself."""
    if isinstance(value, ast.IfExp):
        return [*_branches(value.body), *_branches(value.orelse)]
    return [value]
