"""CL002: text rendered by a chat template is tokenized again with special tokens: a second BOS."""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import NamedTuple

from chatlint.facts import ModuleFacts, ShapeKind, TemplateCall
from chatlint.facts.column_names import column_words
from chatlint.facts.counts import assigns_one_name, only_counted
from chatlint.facts.engines import (
    LANGCHAIN_PIPELINE,
    MLX_LM,
    MLX_LM_SKIPS_BOS,
    MLX_VLM,
    PIPELINE,
    PIPELINE_ADDS_SPECIAL,
    TRANSFORMER_LENS_BY_NAME,
    TRANSFORMER_LENS_PACKAGES,
)
from chatlint.facts.flow import function_flow
from chatlint.facts.masking import LengthMask, length_masks
from chatlint.facts.model import FunctionInfo, SplitTokenization, TextOrigin, TokenizerCall
from chatlint.facts.sft_trainer import TRL_PROMPT_FIELD, TrainerTokenization, sft_text_columns
from chatlint.facts.summary import BOS_TOKENS, WRITTEN_BOS, imports_of
from chatlint.facts.syntax import (
    bool_literal,
    called_name,
    dotted_name,
    is_self_attribute,
    keyword_value,
    names_a_processor,
    shortened,
    string_value,
)
from chatlint.facts.tokenizer_calls import ENCODE_METHODS, visible_dict
from chatlint.facts.turn_renders import TurnRender, turn_renders
from chatlint.findings import Applicability, Related
from chatlint.knowledge.model_families import ANY_MODEL_CLASS, MODEL_CLASS, ModelFamily, family_named, family_of
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule
from chatlint.rules.keyword_fix import add_keyword

FLAG = "add_special_tokens"


class DoubleBos(Rule):
    code = "CL002"
    name = "double-bos"
    summary = "Chat-template text tokenized again with special tokens, so every sequence starts with two BOS tokens"
    # only chat-template code is read, the sibling included: a file that never renders a chat template is not
    # parsed for this rule (the speed of the tool)
    prefilter = ((b"apply_chat_template", b"apply_hf_chat_template"),)
    # (mlx-lm's `generate` leaves a text's BOS alone from 0.21: the project's versions say whether one is doubled)
    # (a transformers text-generation pipeline adds special tokens to a text prompt from transformers 4.43)
    asks_versions_of = ("mlx-lm", "transformers", *TRANSFORMER_LENS_PACKAGES)
    # or a prompt written by hand that starts with a BOS token and goes on (`f"<s>[INST] {q} [/INST]"`), beside a
    # tokenizer or engine call, or returned for another module's (a BOS token's bytes first: the pattern is looked
    # for only in the few files with one)
    also_prefilter = (
        tuple(token.encode() for token in BOS_TOKENS),
        (WRITTEN_BOS,),
        (b"tokenizer", b"tok(", b"encode(", b"processor", b"generate(", b"completion", b"return"),
    )
    # bodies that call a tokenizer matter even when they never mention the template (a dataset's `__getitem__`
    # that tokenizes what `__init__` rendered)
    fixable = True

    what_it_does = """
        Finds text produced by `apply_chat_template(..., tokenize=False)` (also through an alias, `getattr(tok,
        "apply_chat_template", None)` included, a partial, a
        wrapper, or a renderer a factory function returns: `render = make_renderer(tok)` with `make_renderer`
        returning a function it defines that renders as text, in the module or in another one; a function, of the
        module or of another one, whose render takes its `tokenize` from a parameter, called with it False:
        `get_prompt(tok, q, is_tokenize=False)`; a function of the module that hands the template its caller's
        `**kwargs`, as they are or merged with template variables, called with `tokenize=False`; an instance calling
        itself, `[self(r) for r in requests]`, for its `__call__`), or by a processor's
        `apply_chat_template` that leaves `tokenize` to its default, which for a processor is False, that is
        tokenized again with special tokens on: `tokenizer(text)`, `tokenizer(text=...)`, `tokenizer.encode(text)`, `processing_class(text)`,
        `processor(text=...)`, `processor(images, text)` (images first, as Mllama's and LLaVA's take them), a tokenizer bound in `functools.partial(tokenizer, ...)` (with the partial's keywords),
        `self(text=...)` in a subclass of a transformers processor or tokenizer class that does not define `__call__`
        (`class RetrievalProcessor(Gemma3Processor)`), an object the function (or, for an attribute of `self`, its
        class) renders chat templates with, whatever its name (`self.proc(text=text, images=images)` beside
        `self.proc.apply_chat_template(...)`; not an instance of a class the code shows, nor a method of a module),
        or whose tokenizer it renders with (a pipeline from a factory: `pipe(text)` beside
        `pipe.tokenizer.apply_chat_template(...)`, `tok = pipe.tokenizer` or `tok = getattr(pipe, "tokenizer",
        None)`; also in a closure the function defines, `def _generate(): pipe(prompt, **gen_kw)`, with the
        generation settings of the function around it), the same run by an executor through
        `functools.partial` (`asyncio.to_thread(functools.partial(pipe, text, ...))`), and the batch forms over a list of such texts. A prompt written by hand in a model's own format that starts
        with its BOS token (`f"<s>[INST] {q} [/INST]"`, `"<|begin_of_text|>" + text`, a name bound to the BOS alone
        and grown turn by turn with `+=`, Gemma's `<bos>`, DeepSeek's)
        and is tokenized by a tokenizer with special tokens on doubles it the same way, also when a function of the
        module or of another returns it (on some of its paths: a `wrap_chat(system, user, model_type)` that writes
        each family's format by hand); so does one that starts with `<|begin_of_text|>`, `<bos>` or DeepSeek's BOS
        handed to a serving engine below (those tokenizers always add that BOS again). Handed to a processor, or
        starting with `<s>` to an engine, it is left alone: whether a BOS is added again then depends on the model.
        Its fix is unsafe, as the tokenizer may not be that model's. A tokenizer is known by its name (`tokenizer`,
        `self.tok`, `processing_class`, an item of a collection named for tokenizers: `rm_tokenizers[0]`), or by
        rendering chat templates. The text is followed through local
        names (every assignment that can reach the call), list comprehensions and lists built with `.append`,
        dict and row fields set in the same function, the columns of a batch of rows (`examples["text"]`,
        `zip(examples["chosen"], examples["rejected"])`, `enumerate(...)`), the first of the pieces of a split
        render tokenized in turn (`for i, piece in enumerate(text.split(IMAGE))`, a vision frontend splicing image
        tokens in; with the defaults, or a flag on for the first piece only: `add_special_tokens=(i == 0)`, or
        `first` set True before the loop and False in it; not the pieces after the first, `text.split(marker)[1:]`;
        also its leading pieces joined again, `"[/INST] ".join(chunks[:-1])`),
        an element of the tuples gathered in a list read back by position (`[task[2] for task in tasks]` with
        `tasks.append((i, question, prompt))`; also by a helper of the module the list is handed to, a batch it
        flushes: `_flush(pending)` with `prompts = [item[2] for item in buf]` inside), string methods that keep its start
        (`.strip()`), `prompt + completion`, an f-string that puts it first (`f"{prompt}\n{image_token}"`), `str.format` on a template that does
        (`"{chat_prompt} Answer: ".format(chat_prompt=text)`), `typing.cast(str, text)`, `await` of a coroutine that returns it, `str(text)`, ftfy's `fix_text(text)`, tuple
        unpacking (also of pairs taken apart by `zip(*pairs)`), a mapping spread into the tokenizer call that holds
        the text (`processor(**{"text": prompts, ...})`), a value of a dict of renders read by its key
        (`prompts[p["id"]]` with `prompts = {p["id"]: render(p) for p in problems}`), a function handed in as a parameter that the callers in the
        module give a function returning it (`prompt = formatter(tok, q)` with `evaluate(..., formatter=format_mcq)`;
        on at least one path when only some do), helper functions of the module that return it or that
        tokenize it (a method of the class or one it inherits from a base class of the module, `self._tokenize(text)`
        unless the class overrides it, also called through `super().codegen(text)` or through the base class,
        `HfDecoder.codegen(self, text)`, where no fix is offered; a helper defined in each branch of an `if`: the text on at least one path; one that tokenizes
        the items of a list it is given, `for prompt, completion in zip(prompt_texts, completions)`, directly or
        through a list of its own it fills with them; one that tokenizes a batch of the one text it is given,
        `processor(text=[text], images=images)`; one that tokenizes the first of each pair of a list it is given,
        one at a time, `for context, letter in requests: self._encode_pair(context, letter)`, here or in another
        module; also run by an executor with its arguments, `pool.submit(send,
        args, prompt)`, `asyncio.to_thread(encode, tok, prompt)`, `loop.run_in_executor(pool, encode, tok, prompt)`,
        FastAPI's and Starlette's `run_in_threadpool(encode,
        tok, prompt)`, anyio's `to_thread.run_sync(...)`, each read as the call it makes (the fix adds its keyword to
        the call as written where that call hands keywords on, and there is none for `run_in_executor` and
        `run_sync`); mapped with the builtin `map` (`list(map(tok, texts))`, `map(lambda text: tok(text), texts)`, no
        fix for the first: there is nowhere to write a keyword); an engine's own `generate` too,
        `asyncio.to_thread(self.llm.generate, prompt, params)`, also on an engine a function returns that another
        builds (`pipe, tok = await asyncio.to_thread(load, name)`); a thread's target with its arguments written out,
        `Thread(target=self.pipe, args=(prompt,), kwargs={...})`, no fix there; a pipeline a closure calls, built by the
        function it is defined in, also through a method that builds it lazily and returns it), a name a function defined in another one reads from
        it (a streaming generator reading the prompt its route handler rendered), an instance of a class of the module
        or imported built once at module level and used in a function (`formatter = ChatFormatter(tok)`, or annotated
        there and built by a start-up hook, `engine: Engine | None = None`), an item of a local list of one class's
        instances (`renderers[i].prompt_for(...)` with `renderers = [TrajectoryRenderer(tok, tools) for ...]`; a base
        class's method that renders with what it reads off `self` with a default, `getattr(self, "tokenizer", None)`,
        renders nothing for a subclass that never sets it), or an
        alias of `self` route handlers defined in a method use (`server = self`, then `server.build_prompt(...)`),
        the ids of a render of the function decoded back to text with the special tokens kept (`tokenizer.decode(ids)`;
        not `decode(ids[1:])`, the BOS cut off first), a column of the row a TorchServe handler's `preprocess` returns, read
        in its `inference` (`BaseHandler.handle` hands one to the other),
        generators of the module that yield it (`for text in iterate_texts(ds)`; or yield it in tuples, `for record,
        text in iter_prompts(ds)`, also out of chunks of them, `[text for _, text in chunk]`, or of a list kept of
        them, `pairs = list(iter_prompts(ds))`), helpers of the module a pool maps over items (`pool.map(render_one,
        rows)`, `executor.map`, the built-in `map`; each result one text, or a list of pairs taken apart with
        `zip(*rendered)`; also a lambda calling one, `executor.map(lambda r: self.create_prompt(r), batch)`, whose
        `(prompt, count)` pairs are extended into a list a method returns, and taken apart by the caller, `[p for p,
        _ in self.create_prompt_batched(results)]`; an abstract method of a base class runs the one subclass of the
        module that implements it),
        helpers of the module that hand the tokenizer their caller's `**kwargs` (judged by the keywords each call
        passes: none means special tokens on, and the fix passes `add_special_tokens=False` at the call; not a
        helper that sets the flag on them itself, `kwargs["add_special_tokens"] = not has_bos`,
        `kwargs.setdefault("add_special_tokens", False)`),
        helpers of the module that hand back the text they are given with its start kept (`add_eos(text, eos)`
        returning `text + eos`, a `.strip()`),
        attributes one method of a class sets to a render (`self.prompt = ...`; on some paths only: "on at least
        one path"), fills with renders (`self.prompts.append(...)`) or sets to a list of them
        (`self._val_prompts = [prompts[i] for i in held_out]`) and another reads, also when the method is
        in a base class of the module or of another module, one element of the tuples in a list
        (`pairs.append((prompt, answer))`, read as `pairs[i][0]` or `for prompt, answer in pairs`), the items of a
        dataset whose
        `__getitem__` returns a render (`list(PromptDataset(...))`, `ds[i]`, `for prompt in ds`; a class of the
        module or an imported one, also a dataset the function's callers in the module pass it as a parameter;
        `prompts * n` repeats them), a column of the batches a `DataLoader` takes from a dataset class of the module
        whose `__getitem__` returns rows with a render in it (`for batch in DataLoader(ds, ...)`, then
        `batch["prompt"]`: torch's default collation, or a `collate_fn` of the module that gathers the column), a
        column of the items of a dataset whose `__getitem__` returns rows with a render in it (`item = ds[i]`, `for
        item in batch` with `batch = [self.dataset[i] for i in indices]`, then `item["prompt"]`; a class of the
        module or an imported one, also one that `train.py` builds and hands to a trainer class of another module),
        and the fields of a row a function returns
        (`row = render_row(example, tok)`, then `row["prompt"]`, where `render_row` puts a render in `prompt`).
        trl's row renderers are known: `maybe_apply_chat_template(example, tokenizer)` and `apply_chat_template(
        example, tokenizer)` imported from `trl` put the rendered conversation in `text` and the rendered prompt in
        `prompt` (called directly or handed to `.map()`); their `chosen`, `rejected` and `completion` are what
        follows the prompt and are not counted.

        A request typed as a `TypedDict` (or any class) that the module builds as an annotated dict literal with a
        render under a key (`raw_request: HuggingFaceRequest = {"prompt": self.get_prompt(request), ...}`) holds that
        render for a function whose parameter is annotated with the same class (`def serve_request(self,
        raw_request: HuggingFaceRequest)`, then `tok(raw_request["prompt"])`).

        Rows collected in a list with a render under a key (`jobs.append({"prompt": render(...), ...})`) are read
        back by a loop over the list, or over the list a function of the module fills and returns (`for job in
        build_jobs(rows)`, `[job["prompt"] for job in jobs]`).

        Stages of a pipeline: a method of a class that stores a render in the row it is given and returns it
        (`row["prompt"] = render(...)`) writes that column for the rows another class's method is given
        (`tok([row["prompt"] for row in batch])`), in the module, or across modules when a module of the run
        imports both stages (the pipeline script); a column a `.map()` writes is also read off a loop over the rows
        a function is given. The same for the rows of a dataset class another module's function builds (`def
        load_dataset(path, tok): return PromptDataset(...)`, whose `process` returns `{"prompt_text": render(...)}`),
        for the trainers of a script that imports that function: read off a row of the dataset a trainer is given
        (`dataset[i]["prompt_text"]`, or `batch = [dataset[j] for j in idx]` and a loop over it), also through a
        generator of the trainer's module that yields those columns, unpacked from each batch (`for _, batch in
        zip(steps, iterate_batches(dataset))`, then `questions, texts = batch`), and in a trainer of a third module
        that imports that generator. So does a function of another module that returns a dataset with a render in a column
        (`load_text_dataset(tok, name)`), for a collator of a third module that reads the column (`[example["text"]
        for example in examples]`), when a script imports both and hands a trainer or a `DataLoader` a collator
        (`data_collator=`, `collate_fn=`);
        the same when the script maps an imported row function over its dataset itself (`ds.map(partial(to_text,
        tokenizer=tok))`).

        A wrapper that takes the BOS off its render before returning it (`text = text[len(tok.bos_token):]`,
        `text.removeprefix(tok.bos_token)`, `text.replace("<|begin_of_text|>", "")` by the token's text, or through
        a function named for it, `return strip_leading_bos(text, tok)`, of the module or imported, or one handed the
        BOS token and not named for putting one in, `_drop_prefix(text, tok.bos_token)`), in the module or in another
        one, gives its callers no render to double; so does code that takes it off before tokenizing. A
        render whose result is walked item by item (`[text + start for text, start in zip(texts, starts)]`) renders
        a batch of conversations: its items are texts.

        Across modules: text a function of another module returns (one text, a list of them, or rows with it in a
        column, also through a function it makes: `to_text = make_formatter(tok)`, then `ds.map(to_text)`, or one
        picked from its registry: `ds.map(PREPROCESSORS[cfg.preprocessor](tok, cfg))`, `ds.map(ROW_FUNCTIONS[name])`,
        on some paths when the registry holds other functions), yields
        or stores on `self`, tokenized here; text handed to a function or method of another module
        that tokenizes its parameter, also through a function of that module that hands it on to one of a third
        module that does (a few modules deep: `logit_lens(lm, prompt)` calling `resid(lm, prompt)`, which traces
        it; every hop is a related place), or to a module-level instance of a class whose `__call__` renders or
        tokenizes (`render_chat = ChatRenderer()`, then `render_chat(tok, messages)`); and a function of another module that tokenizes one column of the row it is
        given (`encode(example, tok)` returning `tok(example[cfg.text_field])`), handed to `.map()` here (by name,
        in a `functools.partial`, or called by a lambda) over a dataset whose column holds a render: reported at
        the function handed to `.map()`, with the helper as a related place; the fix goes into the helper (or
        passes its flag, when it takes one). A field of a record class (a dataclass, a `NamedTuple`) that the
        calls building it fill with a render (`Rollout(prompt_text=prompt, ...)`; "on at least one path" when only
        some do), read on an instance the code shows (built here, an annotated parameter, an item of an annotated
        list: `for r in rollouts` or `rollouts[i]` with `rollouts: List[Rollout]`, also through a copy of it, `kept =
        list(rollouts)`), of the module or imported, is
        that render; so is text handed to a helper of a
        helper of the module (`self._joined(prompt, completion)` calling `self._ids(prompt + completion)`), whose
        fix goes into the innermost tokenizer call (named on the trail). A helper that rebinds the text it is given
        on some paths only (`if compress: prompt = compress(prompt)`, then `tok.encode(prompt)`) tokenizes it as
        given on the others; not one whose rebinding takes the BOS off (`prompt = prompt[len(tok.bos_token):]`),
        unless a test of the model chooses that branch (`if model_path.endswith("FsfairX-LLaMA3-RM-v0.1"): text =
        render(...).replace(tok.bos_token, "")`, else the render as it is: the other models keep their BOS; an
        unsafe fix). Keywords spread from a function of the module whose every return is a dict it writes out
        without `add_special_tokens` (`**audio_kwargs(audio=audio)`) leave special tokens on; a list of the pairs an
        imported helper returns (`[to_rm_template(q, r, tok) for q, r in batch]`, then `for prompt, response in
        pairs`) holds its render where the helper puts it.
        A tokenizing method (`encode`, `__call__`, ...) of a class of the project, of the module or imported,
        called on an instance the code shows (`self.tokenizer.encode(text)` with `tokenizer: ChatTokenizer`), is that
        method, not a transformers tokenizer's: it doubles the BOS when the method tokenizes its parameter with
        special tokens (`self.hf(text)["input_ids"]`), not when it turns them off.
        A helper that tokenizes each item of a list it is given (`for prompt in prompts: tok(prompt)`, also in a
        comprehension), here or in another module, doubles the BOS of a list of renders handed to it; one text
        only when the helper first makes a string a list of one (`if isinstance(prompts, str): prompts =
        [prompts]`). A dataset class of the module walked by such a helper is judged inside it, as before. A class
        of the project's own that defines `apply_chat_template` (not a stub, a `Protocol`, or a tokenizer's or
        processor's subclass), here or imported, is a wrapper: `engine.apply_chat_template(messages)` on an
        instance the code shows renders what its method renders (`class ChatEngine: def apply_chat_template(self,
        messages): return self.tokenizer.apply_chat_template(messages, tokenize=False, ...)`).
        A call on an instance the code knows only as a class of the project that leaves the method to its
        subclasses (an abstract method, a stub, or none: `backend: ModelBackend`, then `self.backend.generate(
        prompt)`, or a base class's template method calling `self.encode(text)`) runs a subclass's implementation:
        one of the base's module that tokenizes its parameter is followed (the first), here or from another module.
        So is an instance built through a registry of the module or of another module whose classes share no base
        (`BACKENDS = {"hf": HFBackend, "echo": EchoBackend}`, then `BACKENDS[kind](model)`, or a function of the
        registry's module that returns `BACKENDS[kind](name)`): when one of its classes tokenizes what the method is
        given, the keys that pick it double the BOS (from another module reported as `BACKENDS.generate`, with the
        tokenization of that class as the related place); so is a registry a decorator of another module fills
        (`@register_model("hf")` on classes in the modules of that package, `def load_model(name, cfg): return
        MODELS[name](cfg)`, or `get_backend(name)` returning the class, then `get_backend(kind)(cfg)`, or the
        registry itself imported and indexed, `FORMATTERS[style](checkpoint)`, its classes beside it; also classes
        decorated beside the factory, `@register_backend("ids")` next to `build_backend(cfg)`): the first registered
        class whose method tokenizes is followed, and the first whose method returns a render (its own, or one it
        inherits from a base class of its module, `class QuestionStyle(PromptStyle)` with `PromptStyle.__call__`
        rendering);
        and for a module that annotates with an imported abstract base (an `ABC`, a `Protocol`; also as a string,
        `backend: "ModelBackend"` with the import under `TYPE_CHECKING`; also kept as `self.backend = backend or
        EchoBackend()`), the first subclass in the base's folder or in a folder up to two levels below it (at most
        64 modules) whose module tokenizes in one of its methods (`class HuggingFaceBackend(ModelBackend)` in
        `backends/huggingface.py`; also in a closure the method runs, `def run(): tok(prompt)` handed to an
        executor), and the first whose method returns a render (`renderer: PromptRenderer`, then
        `self.renderer.render(messages)` renders as `TemplateRenderer.render` does): a provider that knows both its
        renderer and its endpoint only by their interfaces doubles the BOS for a user who picks those two. The other way round, a base class that tokenizes what a method it leaves to its
        subclasses returns (`self._tokenize(self._format_inputs(packet))` with `_format_inputs` abstract) gets the
        render of a subclass that implements it by rendering: the first of its module, or one of another module of
        the run (a one-file run that passes only the base's module does not see it). So does a mixin that calls a
        method it does not define (`self._format_prompt(prompt)` in `class GenerationMixin:`) where a class of another
        module of the run mixes it in beside a mixin whose method of that name returns a render (`class
        Engine(SamplingMixin, GenerationMixin)`); a one-file run of the mixin's module does not see it either. A
        class mixing an imported rendering class with an imported base whose method tokenizes its parameter (`class
        Pairs(PromptTemplating, EncodingBase)`, then `self.encode(self.prompt_text(...))`) is the same. A
        base class of another module that hands one method what another returns, both left to its subclasses
        (`self._send(self._prepare(prompt))` in `ChatClient.complete`), makes a subclass that renders in the one and
        tokenizes in the other double the BOS: reported at the subclass's tokenization, naming the base's hand-off.
        A base class that calls on itself methods a base further up declares and a subclass in another module of the
        run implements (`prompt, count = self.create_prompt(row)`, then `self.run_llm(prompt)`; or `prompts =
        self.create_prompt_batched(rows)`, then `self.run_llm_batched([p for p, _ in prompts])`), that subclass
        rendering in one and handing its parameter to an engine in the other, is reported at the base's call (a
        one-file run of the base's module does not see it). An instance handed to a function of the module under an
        unannotated parameter is of the class every call of the module builds for it (`engine = VLLMBackend(cfg)`,
        then `evolve_one(seed, prompter, engine)`, whose `engine.complete(prompter.render(x))` hands the render to
        that class's method). When the model runs in a helper of another module and the module loads none itself,
        the checkpoints the configuration classes it imports name by default decide (`EvolConfig.model =
        "Qwen/Qwen2.5-7B-Instruct"`: left alone).
        A model class for lm-evaluation-harness (a subclass of its `LM`, `TemplateLM`, `HFLM` in a module that
        imports `lm_eval`) whose own `apply_chat_template` renders text gets its requests' contexts (`request.args[0]`,
        `context, gen_kwargs = request.args`) rendered by that method when the harness runs with
        `--apply_chat_template`: tokenizing them with special tokens on is reported "on at least one path".
        A module that knows an instance
        only as an imported abstract base (`formatter: PromptFormatter = build_formatter(...)`, or `await
        get_formatter()` annotated `-> PromptFormatter`) renders with the first subclass of the base's module that
        implements the method by rendering. A property that returns a render, read
        on an instance (`[request.prompt for request in requests]` with `requests: list[EvalRequest]`), of the
        module or imported, is that render. Instances count when a factory annotated to return their class built
        them (`self.prompter = make_prompt_builder(cfg)` with `-> PromptBuilder`, of the module or of another) or an
        alternative constructor (`Prompt.build(tok, messages)` returning `cls(text=...)`, whose field then holds
        the render); lists of consecutive rendered texts are rendered texts (`for chunk in batched(prompts, 8)`,
        `itertools.batched`, a generator of the module named so that yields lists of its items; a slice that starts a
        chunk, `prompts[i : i + n]` under `for i in range(0, len(prompts), n)` or a `while` loop's offset,
        `texts[i * n : (i + 1) * n]` under `for i in range(n_batches)`, also through `tqdm(...)`), and so are a
        copy, a first slice and the items with a suffix appended (`[p + "0." for p in prompts]`), also in a helper
        that tokenizes the texts it is given; a function of another module may return a list of them in a tuple
        (`images, texts = prepare_vision_inputs(processor, convs)`). A dataset a function of another module returns with a render in a
        column (also one of a pair of them: `train, valid = build_splits(conf, tok)`), handed to a function of
        another module that maps a row tokenizer over the dataset it is given, is the same; the column may be
        named by a parameter the `.map()` binds (`fn_kwargs={"text_field": text_field}`, a partial's keyword), on
        the writing side and on the tokenizing side, by a local name bound to a configuration field (`text_field =
        self.args.dataset_text_field`, also when a fallback under `if text_field not in ds.column_names:` rebinds
        it), or by a configuration field whose default the script that hands
        the dataset and a collator of another module to a trainer knows (`dataset_text_field`). A row function
        picked from a registry (`ds.map(FORMATTERS[cfg.formatter])`, a dict naming functions of the module or of a
        module it imports, or one a decorator of it fills, also bound in a `functools.partial` first: `fn =
        partial(...)`, `ds.map(fn)`; or a dict of tuples that name one beside other things, unpacked or indexed:
        `formatter, hub_path = DATASETS[name]`, `DATASETS[name][0]`) writes
        what its members write, on some paths when they differ; a batched row function of another module
        (`return {"text": texts}` after `texts.append(render(...))`) writes its columns for a `.map(fn,
        batched=True)`; so does a function a factory of the module makes
        and returns by name (`ds.map(chat_formatter(tok, "text"))`, also one picked from a registry of factories),
        with the columns the factory's call names (`def chat_formatter(tok, column): ... return {column: ...}`); a dict comprehension over literal names writes one
        column per name (`{side + "_text": ... for side in ("chosen", "rejected")}`), and a list made of two lists
        of texts (`chosen + rejected`) holds both. A function that maps a row tokenizer over the dataset it is given
        may rebind it as it goes (`dataset = dataset.map(tokenize_batch)`), and the row tokenizer may read the
        column into a name first (`texts = batch[text_field]`). The model family comes from the checkpoints the module loads, also
        through a class or function of another module that loads the checkpoint it is given
        (`VLLMEngine(cfg.model)`, with the configuration field's default read from its class).

        Serving engines tokenize text prompts too, with special tokens on: rendered text handed to vLLM's
        `LLM.generate` (or `AsyncLLM`, `LLMEngine`, also a request added to a loop the code steps itself:
        `engine.add_request(request_id, prompt, params)`, `llm._validate_and_add_requests(prompts=...)`; and
        `LLM.beam_search([{"prompt": text}], params)`, which encodes each text with the tokenizer's defaults; TensorRT-LLM's `LLM.generate` and TRL's `VLLMClient.generate`,
        known by their class, alike (vLLM's `generate` also takes `tokenization_kwargs={"add_special_tokens": False}`,
        read; a `**mapping` the code shows setting `tokenization_kwargs` on some path leaves it unknown); trl's
        client also imported from a project module named `vllm_client`, and as
        `self.vllm_client` in a module that imports trl, which a trl trainer sets) (first argument or `prompts=`, also as the `"prompt"` of its text prompts: `{"prompt": text,
        "multi_modal_data": ...}`, `TextPrompt(prompt=text)`, one or a list of them, also one a helper of the module
        builds from the text it is given, `prompt_payload(text, images)`, also a name appended to the list
        and assigned a text prompt on one branch and a token prompt on the other) or SGLang's `Engine.generate` (`prompt=`; also `async_generate`, and an engine class of SGLang's for another runtime, `RayEngine`; the prompt also inside a `**mapping` built in the function or returned by a method of the class, `{"prompt": prompt, ...}`) is the same double
        BOS, and so is a text prompt handed to llama-cpp-python's `Llama` (`llm(prompt)`, `llm.create_completion(
        prompt=...)`: it puts the model's BOS in front and reads special tokens in the text; known by its class
        only), and so is one handed to OpenVINO GenAI's `LLMPipeline` (`pipe.generate(prompt, config)`: it encodes
        the text with special tokens on, or with `apply_chat_template` on, its default from 2025.1, puts it in the
        chat template again; known by its class only; no fix: it takes ids or the messages instead), and so is one traced by nnsight's `LanguageModel` (`lm.trace(prompt)`, `lm.generate(prompt)`, or a
        tracer's `invoke(prompt)` in `with lm.generate(...) as tracer:`; known by its class; the call takes
        `add_special_tokens=False`, which nnsight hands the tokenizer, and the fix passes it there), and so is one sent to a TGI server through huggingface_hub's `InferenceClient.text_generation(prompt)`
        (or `AsyncInferenceClient`; TGI's `/generate` tokenizes text inputs with special tokens on and takes no
        switch for it) or TGI's own client (`text_generation.Client(url).generate(prompt)`, `generate_stream`,
        `AsyncClient`), and so is one given to LangChain's `HuggingFacePipeline` (`HuggingFacePipeline(pipeline=pipe)`
        or `.from_model_id(...)`, then `llm.invoke(prompt)`, `llm(prompt)`, `batch`, `stream`, `predict`: the
        transformers pipeline under it tokenizes the text, so the project's transformers version is asked as for a
        pipeline), and one given to Ollama's `generate(model, prompt)` (the module's function or a `Client`'s)
        without `raw=True` (it puts the prompt in the model's own template, BOS and all; with `raw=True` it is left
        alone), and so is one given to an Outlines model of a transformers model (`model =
        outlines.from_transformers(hf_model, tokenizer)`, 0.x `outlines.models.transformers(name)`, then
        `model(prompt, output_type)`, `model.stream(prompt)`, or a generator built on it, `outlines.Generator(model,
        schema)(prompt)`, 0.x `outlines.generate.json(model, schema)(prompt)`: it tokenizes with the tokenizer's
        defaults and takes no switch; a model of a chat API is not one), and so is one given to TransformerLens
        (`HookedTransformer`, 3.x's `TransformerBridge`, sae-lens's `HookedSAETransformer`: `model.to_tokens(text)`,
        `model.generate(text)`, `model(text)`, `run_with_cache`, `run_with_hooks` put the model's BOS in front of a
        text unless `prepend_bos=False`; known by its class, or, for `to_tokens`, by the method's name where the
        module imports TransformerLens or the project declares transformer-lens or sae-lens), and so is one handed to mlx-vlm's `generate` or `stream_generate` (`generate(model,
        processor, prompt, image)`, imported from mlx_vlm: it tokenizes with special tokens on for every model but
        Gemma 3 and 4, so a module that names a Gemma 3 or 4 checkpoint is left alone), and one handed to mlx-lm's
        `generate` or `stream_generate` where the project's requirement keeps mlx-lm before 0.21 (those releases
        encode a text prompt with special tokens on; later ones leave off a BOS the text starts with, so a project
        that allows them, `mlx-lm>=0.10`, or names no version is left alone); mlx-vlm's own
        `apply_chat_template(processor, config, prompt)` and `get_chat_template(...)` render text, and so does vLLM's
        `apply_hf_chat_template(tokenizer, conversation=...)` (from `vllm.entrypoints.chat_utils`) unless told
        `tokenize=True`. The engine is
        known by its class when the code shows it built (`self.llm = LLM(...)` in any method,
        `vllm.LLM(...)`, `sgl.Engine(...)`, the class imported from vllm or sglang; also set by a base class of the
        module, or, for a base class that sets none, by its subclasses of the module (a `functools.partial` of an
        engine's method counts as that method: `self.llm = partial(client.text_generation, max_new_tokens=n)`, then
        `self.llm(prompt)` in the base), or built by a method of the class, `self.model = self._create_model(cfg)`, the subclass's override
        first, or by a function of the module or of another one that returns one, `self.llm = build_engine(cfg)`, or
        one item of the tuples it returns, `params, llm, tok = load_model(cfg)`, also
        one that caches the engines it builds, `return _ENGINES[key]`; also behind a lazy property, `self._engine`
        returning `self._llm` once `load()` set it, or named by the annotation of a parameter, `lm: LanguageModel`,
        or of a class field, not `Any`; built as different models on different paths, the one built under an `if`
        whose test is written as one around the call, `if self.kind == "sglang":`), or, in a module
        that imports
        vllm or sglang, by a name that says so (`llm`, `self.vllm`, `policy_llm`) or by the engine's sampling
        parameters given to `generate` (`model.generate(prompts, sampling_params=params)`, `SamplingParams(...)`,
        also through the class kept on `self`, `self.sampling_params_class(...)`: a transformers model's `generate`
        takes none); not when the call hands the ids beside the text, as vLLM's
        older API takes them (`engine.generate(prompt, params, request_id, token_ids)`, `prompt_token_ids=ids`). So is a completions request to an
        OpenAI-compatible server (`client.completions.create(prompt=text)`), which vLLM and SGLang serve with
        special tokens on; quiet when the request passes `extra_body` (where `add_special_tokens` goes); and Unsloth's
        `model.fast_generate(texts, ...)`, which hands them to the vLLM engine it built for the model. There is
        no autofix there: hand the engine token ids (`TokensPrompt(prompt_token_ids=...)`), the conversation
        (`llm.chat(...)`, a chat completions request), or `extra_body={"add_special_tokens": False}`. A
        transformers `text-generation` pipeline called with a string (`pipe(prompt)`, `pipe` built by
        `pipeline("text-generation", ...)` or by its class, `TextGenerationPipeline(model=..., tokenizer=...)`, in
        the function, the module or a method of the class, on at least one
        path and as no pipeline of another task on the others, or returned by a function of the module that builds
        one, alone or in a tuple: `tokenizer, pipe = load(name)`; or built with no task, `pipeline(model=name)`, and
        called with generation keywords, `max_new_tokens=`) tokenizes it with the
        tokenizer's default, special tokens on, from transformers 4.43 (before, the pipeline turned them off: quiet
        when the project's requirements keep transformers below 4.43); there the fix passes
        `add_special_tokens=False` to the call (handing the pipeline the messages renders them once).

        It also finds the sibling: a prompt and a completion tokenized separately, the completion with special
        tokens, and their ids concatenated (`prompt_ids + completion_ids`), which puts a BOS in the middle (not in
        a module that imports an encoder-only model or tokenizer, BERT, RoBERTa, DeBERTa, ELECTRA or XLM, whose
        pair input is segments that each carry their own `[CLS]`/`[SEP]`). And a
        conversation rendered one turn at a time whose renders are joined into one sequence: `[message]` (or
        `messages[i:i + 1]`, or a one-message list built in the loop) rendered in a loop over the turns, its text
        or ids added with `+=`, `.extend()`, or `.append()` to a list that is then joined, `"".join(...)` or
        `sum(..., [])` over such renders. Each one-message render is a whole conversation to the template, so
        every turn starts with the template's BOS. Renders of the growing prefixes (`messages[:i]`), a batch of
        whole conversations and one-turn prompts kept apart are not this. There is no autofix: the turns must come
        from one render.

        A prompt and its full conversation that are both rendered and both tokenized again with special tokens in
        one function, where the prompt's length masks the labels (`[-100] * len(prompt_ids)`, `labels[:n] =
        ...`), are one finding, at the full conversation's call, naming both: each carries the same extra BOS, so
        the mask still lines up, and turning special tokens off on one side only would shift it by one token.

        `add_special_tokens=self.add_special_tokens`, where `__init__` copies a field of the module's configuration
        class (`self.add_special_tokens = config.add_special_tokens`, also read through a property that returns
        it), takes that field's literal default: a field that defaults to `True` is reported, with the field named
        in the message and no fix (the configuration is shared; pass `False` at the call or change the default).
        A guard for an unset field keeps it (`config.flag if config.flag is not None else False`, `config.flag or
        False`). A field read off the configuration object itself (`add_special_tokens=self.args.add_bos_token`,
        also through a local name assigned it once; the object built, or annotated: `args: ModelArgs` kept as
        `self.args`) takes the default its class declares, in the module or in another one (a switch field, named
        like `add_bos_token`, `add_special_tokens`, `prepend_bos`: the field's place is a related location).
        The default is not what runs when the run sets the field the other way: in its code, or in a configuration
        file of the project (a YAML or JSON file a module names in a string, `default="configs/sft.yaml"`, or one
        in a `configs/`, `config/`, `conf/` or `recipes/` folder at the project root, that sets a key of the
        field's name to the other boolean); the call is then left alone. Another value computed from the field is
        not followed. A helper that tokenizes so (`self.tokenizer(text,
        add_special_tokens=options.add_special_tokens)` with `options = self.cfg.tokenize`) is summarised with that
        default, for its callers in other modules.

        A raw request to an engine's own `/generate` endpoint (`requests.post(f"{url}/generate", json={"text":
        prompt})`, also `session.post`, with `text`, `prompt`, `prompts` or `inputs`: SGLang's native API, vLLM's API
        server, TGI, `trl vllm-serve`) is the same, and so is one to an OpenAI-compatible server's `/v1/completions`
        (`requests.post(f"{url}/v1/completions", json={"prompt": prompt})`, or `urllib.request.Request(url,
        data=json.dumps(body).encode())`; not `/chat/completions`, where the server renders the messages itself);
        quiet when the body passes `add_special_tokens` or token ids. A helper of the project handed the text as
        `prompt=` and such a URL by a keyword named for it (`post_http_request(prompt=text, api_url=f"http://127.0.0.1:
        {port}/v1/completions")`) is taken for that request. The model a completions request names
        (`completions.create(model=self.settings.model, ...)`, also a settings class's default in another module)
        counts as a checkpoint the module runs: a Qwen model's requests are left alone.

        A `Trainer` (or a `DataLoader`) handed a dataset whose `__getitem__` returns renders and a collator whose
        `__call__` tokenizes the items it is given with special tokens on (`Trainer(train_dataset=RenderedChats(...),
        data_collator=TextCollator(tok))`, each class of the module or imported) is reported at that call; the fix,
        for a collator of the module, turns special tokens off inside its `__call__`.

        A tokenizer of the project's own that takes a `bos=` / `add_bos=` keyword (litgpt's `encode(text,
        bos=False)`, torchtune's) decides its BOS by that keyword: such a call is left alone.

        It stays quiet where `add_special_tokens=False` is passed (literally, through a name, a default, or a
        `**kwargs` dict it can see: a dict literal, with keys set later by string literals, `kwargs["max_length"] =
        n`; or a dict another module of the project shows whole and never changes, `tokenizer(texts,
        **ENCODE_KWARGS)` with `from config import ENCODE_KWARGS`, which without the key leaves special tokens on),
        where an opaque `**kwargs` may pass it (not to vLLM's or SGLang's `generate`,
        whose keywords cannot turn special tokens off, nor to a pipeline's call when the mapping is named for
        generation settings, `**gen_kwargs`, or is the function's own `**kwargs` that it reads generation settings
        off, `kwargs.pop("max_new_tokens", 256)`, and never the flag, or a dict of generation settings the code shows
        with the caller's `**kwargs` merged in, `{"temperature": t, **kwargs}`, naming no flag: there the fix is
        unsafe, a caller may still pass the flag; the caller's `**kwargs` handed as they are stay unknown, also beside
        settings of the call's own, `pipe(prompt, max_new_tokens=64, **kwargs)`; but not the `**kwargs` of a private
        function or method of the module, `_render_and_process(self, convs, **processor_kwargs)`, whose every caller
        in the module passes keywords it shows, none of them the flag: `images=...`, `audio=...`), where TensorRT-LLM's `SamplingParams(add_special_tokens=...)`
        is built in the function (or kept on the instance by a method of its class), on plain documents that never went
        through a chat template, and on text whose start was cut off (`text[len(prompt):]`). Ids that are only
        measured against a bound (`len(tokenizer(text).input_ids) > max_length`, a tensor's `.shape[-1]`, `.size(1)`
        or `.numel()`, also when they are first kept
        under a name through `.input_ids`, `["input_ids"]` or `.to(device)`, or their length through a name) are a
        count, not training data, and stay quiet too, also inside a helper (one that only counts, or cuts the text
        to a budget and decodes the cut with `skip_special_tokens=True`, or puts the length in a message, is no
        tokenizing helper); so does a processor called only for what it makes of the
        images (every use of its output reads `pixel_values`, `image_grid_thw` and the like, or keeps the keys other
        than `input_ids`: `{k: v for k, v in out.items() if k not in ["input_ids", "attention_mask"]}`). So is code for a model family whose template writes no BOS
        (Qwen's ChatML, QwQ's too; SmolLM2's ChatML; LLaVA-OneVision's, ChatML over Qwen 2; MiniCPM 3's ChatML; Idefics2's, whose
        messages start with their role, unlike Idefics3's; LLaVA 1.5's and LLaVA-NeXT's over Vicuna, whose turns start
        `USER: ` and `ASSISTANT: `; InternVL 3.5's; Kimi's and Moonlight's; gpt-oss's Harmony
        format; TinyLlama-1.1B-Chat v1.0's, whose turns start `<|user|>`; phi-4's, Phi-4-mini's, Phi-4-reasoning's and
        Phi-3.5-mini's, whose turns start with their role, unlike earlier Phi-3 templates), or a project whose `models` setting names only such checkpoints (for code whose model the analysis
        cannot tell, in a module that names no checkpoint of a family with a BOS): a module that loads only such
        checkpoints (named by a literal or a constant it loads, or a constant of a plain class of the module read off
        the class, `Config.BASE_MODEL` (or `self.BASE_MODEL` in a method of the class that never sets it), also a local
        checkpoint's path whose last part names the model, `str(ROOT / "models" / "Qwen2.5-Coder-3B-Instruct")`, or the
        folder `snapshot_download("Qwen/...")` or a helper named for finding one (`find_model_path("Qwen/...")`) gives for a
        checkpoint it names; a checkpoint the function holds to an allowlist of one such family, `if cfg["model"] not
        in SUPPORTED_MODELS: raise ...` or `assert model in (...)`; a checkpoint read by any key off a table of
        the module or of another module whose entries all name checkpoints of one such family (`MODELS[args.model][
        "checkpoint"]`, `cfg["checkpoint"]` with `cfg = MODELS[args.model]`, `PATHS[name]`; rows built by a class of
        that module, `ModelSpec("Qwen/...", 32768)`, read as `spec.repo_id` with `spec = resolve(alias)`, a function
        returning a row); a field of an object
        the function is handed (`def infer(args)`, then `from_pretrained(args.checkpoint_dir)`) named as a
        command-line option that every parser of the run declares with a default of one such family (an option
        declared anywhere without a string default leaves it unknown); a path read
        from a configuration under a key or field that names the family, `paths["qwen"]`, `cfg.qwen_path`, also as
        one of the values a name is given on different paths, all of one family; a checkpoint written as a default,
        the model the code runs with (its users may pass another; the project's `models` setting names those): the
        default of a function's or class's parameter (a literal or a constant), of an argparse option
        (`from_pretrained(args.model_path)` with `--model_path` defaulting to one), of a command's typer or click
        option (`model: str = typer.Option("Qwen/...", "--model")`), of a field of a configuration class the module
        declares or imports from another module of the project, or of an environment variable (`os.getenv("MODEL",
        "Qwen/...")`), but not a class's constructor default that a construction of the class in the run passes
        another checkpoint for (the project step sees the constructions in the files the run checks); also through the attribute `__init__` sets from such a value: `from_pretrained(self.pretrained)`, or a constant of
        the class body, `load(cls.MLX_MODEL)`; mlx-lm's and mlx-vlm's `load` count as loads, PEFT's
        `PeftModel.from_pretrained(model, adapter_dir)` does not: it loads an adapter on a model loaded apart, nor
        does a tokenizer loaded from that adapter's folder, `AutoTokenizer.from_pretrained(adapter_dir)`: training
        saved the base model's tokenizer there; nor a load from a folder the module saves a model to itself,
        `exported.save_pretrained(onnx_dir)`: one of its own models), or a
        tokenizer loaded, where the code binds it once, from such a checkpoint it names (`self.tokenizer =
        AutoTokenizer.from_pretrained("Qwen/Qwen2.5-0.5B-Instruct")`, whatever model the module runs with it; also a
        tokenizer parameter that every call of its function in the module fills with one), or a text the module renders
        with such a tokenizer (`tok = AutoTokenizer.from_pretrained(QWEN_SNAPSHOT)`, then `tok.apply_chat_template(
        ...)`: it starts with no BOS, whatever model tokenizes it again), unless the module sets a chat template; or whose
        checkpoints are such or unknown and that writes ChatML's markers itself (a loss mask cut at
        `<|im_start|>assistant`, `encode("<|im_start|>")`, an f-string of ChatML turns), naming no family with a BOS
        nor its markers, and neither testing a text for the marker (`if "<|im_start|>" in reply:`) nor offering
        `"chatml"` as one format among others, or that
        imports (or binds at its top) only one such family's model classes and helpers
        (`Qwen2_5_VLForConditionalGeneration`, `qwen_vl_utils`; an `Auto*` model class imported beside them loads any
        model, `AutoModelForImageTextToText` in the branch for other model types; an import inside a function counts by the name it
        binds, so `from .qwen2_vl import get_rope_index` in a model-specific branch does not, and so does a model
        class a function binds by name: `Qwen2_5_VLForConditionalGeneration = lazy_class("...")`, or one read off the
        library's module: `transformers.Qwen3VLForConditionalGeneration.from_pretrained(...)`), or a function,
        class, file or folder named for
        one (`qwen2_5_collate_fn`, `models/vlm_qwen/processor.py`, a folder two levels up: `qwen36_gsm8k/sft/eval.py`, `idefics_2_deployment.py`), or a function
        that tokenizes and imports, in its body (not in a branch), from such a family's libraries only, or is
        defined in one that does (`from
        qwen_vl_utils import process_vision_info`; by the library's top-level package, not a module of the project
        named for a family), or a module that loads no model and that
        the run's modules importing it (from its own module or through a package's re-export) all load such
        checkpoints only (a data module imported only by a Qwen training script; an importer that loads a
        checkpoint it does not name, `from_pretrained(args.model)`, counts for the model classes it imports and
        loads, `Qwen2VLForConditionalGeneration`, when they are all of known families and none is an `Auto*` class;
        a checkpoint handed to a loader of the module, `load_tokenizer(name)`, is what every call of it passes; a one-file run cannot see its
        importers), or a module that loads no model and that no module of the run that loads one imports, in a run
        whose every checkpoint load names such a family (`predict.py` beside the `train.py` that loads the project's
        one Qwen2.5-VL checkpoint, a collator imported by a `train.py` that calls `modeling.py`'s loader; a partial
        run judges with the loads of the files it is given), or a module that loads no model and hands its renders only to helpers of other modules that
        load such checkpoints (`engine.complete(prompts)` with `Engine` running `LLM(model=cfg.model)` and
        `EngineConfig.model` defaulting to a Qwen checkpoint, also a configuration nested in the one the module
        imports; judged per module: a helper module that also loads a model of a family with a BOS leaves it
        unknown); but a method of a class named for a family whose template writes a BOS (`_OVMistral3ForCausalLM`,
        `Idefics3Runner`, in a module of per-model classes that imports only Qwen's) is judged for that family; a call
        in the body of an `if` whose test names only families whose templates write no BOS (`if type(self.model).
        __name__ == "Qwen2ForCausalLM":`, `elif model_type.startswith("qwen"):`) runs for those only. It
        stays quiet where the code turns the tokenizer's BOS off before the call (`processor.tokenizer.add_bos_token
        = False`, or `tok.bos_token = None`, which also leaves the template's `{{ bos_token }}` empty; for the tokenizer an instance keeps, also in another method of its class: `self.tokenizer.add_bos_token
        = False` in its set-up, or `AutoTokenizer.from_pretrained(name, add_bos_token=False)` in `__init__`; inside a
        helper of the module that tokenizes the text, for the helper's tokenizer), or a render that passes
        `enable_thinking=True`/`False` itself (a variable of Qwen 3's and SmolLM 3's ChatML templates), or
        `reasoning_effort="low"` (`"medium"`, `"high"`: a variable of gpt-oss's Harmony template; either one handed
        through from a setting it says nothing, nor in a `try` that falls back when a tokenizer refuses the keyword:
        `except TypeError:`, nor in a module whose text, comments included, names a family whose template writes a
        BOS: `# Qwen3, Llama-3 and Mistral checkpoints`); code that runs only for an encoder-decoder
        model (under `if self.is_encoder_decoder:`, in the `else` of `if not is_encoder_decoder:`, or after such an `if`
        whose body returns), whose
        tokenizers no BOS-writing chat template is made for; code in the branch of a dispatch on the model's name
        for checkpoints of families without a BOS (`elif self.model_name == "Qwen/Qwen2.5-Math-PRM-7B":`); a module that defines its own fake
        `apply_chat_template` (a test double; not a `Protocol`'s or an abstract method's stub, which renders
        nothing); and a module that installs chat templates of its own that write no BOS
        (`tokenizer.chat_template = MY_TEMPLATE`, a literal of the module, or what a function of the module or of
        another one returns when it returns only such literals: `tok.chat_template = get_chat_template(version)`;
        or a tokenizer a function of another module returns with such a template installed, `tok =
        setup_tokenizer(MODEL)` with `tokenizer.chat_template = CHATML_TEMPLATE` there;
        or trl's ChatML template, by `model, tokenizer = setup_chat_format(model, tokenizer)`, whose messages start
        with `<|im_start|>`, made the tokenizer's `bos_token` while the tokenizer still adds the model's own; not
        one installed only as a fallback, `if tokenizer.chat_template is None:`, nor only for some models, `if
        "vicuna" in model_name_or_path:` with no `else`, where the other models render with their own).

        Across modules it follows text an imported function returns (or an imported generator yields), text stored in a dataset column by a `.map()`
        of the module whose function (imported or not) returns rows with rendered text (on one of its paths is
        enough, as trl's `maybe_apply_chat_template` renders only conversational rows: the message says "on at least
        one path" and the fix is unsafe; or by a dataset built from
        rendered texts: `Dataset.from_dict({"text": texts})` (texts rendered on some paths only, `if
        apply_chat_template: texts = render(texts)`, are reported "on at least one path"), `Dataset.from_list([{"text": ...} for ...])` or of rows appended to a list (also the list a function of the module fills and returns: `Dataset.from_list(prepare(raw, tok))`), or a dict of lists filled column by column (`data = {"prompt": []}`, `data["prompt"].append(text)`, then `Dataset.from_dict(data)`); read by a function or a lambda
        handed to `.map()`, by a function given the dataset that walks its rows or takes them by position
        (`example = dataset[i]`), or as a whole column (`prompts = rendered["text"]`, when the code shows `rendered` made by
        that `.map()`); a dataset a function of the module builds from them and returns counts too, and so does one
        a function of another module returns, alone or at one place of a pair: `train, valid =
        prepare_splits(...)` then `SFTTrainer(train_dataset=train, ...)`; also one mapped on some paths only, under `if
        cfg.chat_template:`, and a split of a dataset dict mapped in place (`splits[split] = splits[split].map(render)`
        in a loop over the splits, then `splits[split].map(tokenize)`); the trainer's and the configuration's keywords may sit in dicts the code builds, `SFTConfig(**args)` with `args["dataset_text_field"] = ...`), and
        rendered text handed to
        an imported function that tokenizes that parameter with special tokens on (`encode(tok, text)` with
        `from .tokenization import encode`, `T.encode(...)` with the module imported, a method of an instance of an
        imported class: `self.encoder.encode(text)` with `self.encoder = Encoder(tok)`, or with the instance a
        parameter annotated with the class, `actor: Actor`, kept as `self.actor = actor`, or built by a set-up method
        when that is the one class the methods build for it: `self._model = VLLMModel(**kwargs)`; a method that hands its
        parameter to a serving engine counts too; through `src/` layouts and re-exports): the finding is at the call, through the helper, with the helper's place as a related location.
        A helper whose `add_special_tokens` is a parameter of its own is judged by what the call passes for it (its
        default when it passes nothing), one that hands the tokenizer its `**kwargs` by the keywords the call
        passes; one that passes `add_special_tokens=False` itself stays quiet, and so does one that tokenizes its
        parameter with special tokens off on some paths and on on others (it chooses by what it knows of the text:
        `if request.messages is not None: return self._encode(text, add_special_tokens=False)`). Of a helper's
        tokenizations, the related location names the one every call runs (not a fallback under an `if`). A checkpoint named by a constant
        imported from another module of the project (`from config import MODEL_ID`), or by the default of a field of
        an imported configuration class the checkpoint is loaded from (`from_pretrained(cfg.model)` with `model: str
        = "Qwen/..."`, or a property of it returning one: `@property def model_id(self): return QWEN`; of the class
        the code shows the object is, when it shows one), or a tokenizer loader of another module that always loads
        one checkpoint it names (`get_tokenizer()` with `from_pretrained(BASE_MODEL)`), tells the model family. A
        generator or rendering method of an instance of an imported class
        built in the function (`builder = PromptBuilder(tok)`, `builder.iter_prompts(rows)`) is followed too (built
        from one of several imported classes on different paths, `formatter = Llama3Formatter(tok)` under a model
        test and `AlpacaFormatter()` otherwise: the render on the paths of the class whose method renders), and so
        is an instance called like a function, whose class's `__call__` renders (`self.formatter(context)` with
        `self.formatter = ChatFormatter(tok) if use_chat else None`, of the module or imported). A list of renders
        kept as one element of each tuple of a list (`batches = [(prompts, None)]`, then `for batch, schema in
        batches`) is a batch of renders. A method `__init__` keeps in an attribute (`self.to_prompt = self.render`,
        also as the default of the caller's own callable, `to_prompt or self._render`, or handed to the base class
        as a field, `super().__init__(messages_to_prompt=...)`) renders when called through it (the default: "on at
        least one path"). A method that changes its prompt only under `if not formatted:` tokenizes the prompt
        untouched for the calls that pass `formatted=True` (llama-index's `complete(prompt, formatted=True)`):
        reported at such a call, without a fix (its other callers need the special tokens). Text
        rendered by a method a class inherits from a base class of another module (`self.render(...)`) is followed
        as a render of the conversation the call passes, and a text handed to an inherited method that tokenizes
        its parameter (`self.complete(prompt)`, also through a helper of its module, `self._encode(prompt, flag)`)
        is judged by what that method does with it. A column may be named by a
        literal, by a constant (`TEXT_COLUMN = "text"`, in the module or imported from the module that renders),
        or by a configuration field with a default: a dataclass field (`text_column: str = "text"`, in the module
        or in an imported arguments class) or an argparse option (`add_argument("--text-field", default="text")`),
        or by a function's parameter with a string default that the function never rebinds (`def
        format_dataset(ds, tok, text_field="text")`: the column of the default run, as for a field), or by a constant
        whose string the module does not show (`row[TEXT_KEY] = render(...)` in one stage of a row processor and
        `tok(row[TEXT_KEY])` in the next, `TEXT_KEY` imported from a module of names only): the same column wherever
        the module names it so. A dataset loader of another module that renders with what it is handed
        (`load_rendered_dataset(path, renderer)`, handed a renderer by `train.py`) returns a rendered column to
        the module that hands it the renderer. A field without a default whose name says it names a column (`config.text_column`, `args.prompt_key`) is
        the same column wherever the module reads it (shown as `{text_column}`); any other name known only at run
        time is not guessed. A
        column belongs to the datasets made from the `.map()` that wrote it (through `.filter`, splits, `["train"]`,
        `concatenate_datasets` and local names): a plain corpus whose documents are also called `text` is not read
        as rendered.

        trl's `SFTTrainer` (or a subclass of the module that leaves the dataset's preparation to it, one that
        overrides `compute_loss`) tokenizes a column of plain text itself, with special tokens on (`dataset_text_field`,
        on the trainer or the module's `SFTConfig`, else trl's default "text"): when that column holds rendered
        text (written by a `.map()`, also a batched one whose function returns a list of renders per column, a
        function of the module or of another one), the
        finding is at the trainer. So is a prompt-completion dataset whose `prompt` column a `.map()` or
        `Dataset.from_dict` of the function that builds it filled with renders (`{"prompt": rendered, "completion":
        reply}`; also a list parameter every call of the function in the module fills with renders, `{"prompt":
        list(prompts), ...}`): trl tokenizes such a prompt with special tokens on, alone and before its completion (0.17 and later: read in trl
        0.17.0, 0.18.0 and 0.20.0; it looks for `prompt` before the text column). So is a `formatting_func=` that returns renders (a function of the module or a
        lambda: `return tok.apply_chat_template(example["messages"], tokenize=False)`, a list of them for a batch,
        or the column a `.map()` rendered into, `return example["text"]`): trl tokenizes what it returns as plain
        text too (0.x: `processing_class(formatting_func(element), add_special_tokens=True)`; 1.x: stored in `text`,
        then `processing_class(text=...)`; read in trl 0.13.0 and 1.16.0). It stays quiet when the call passes
        `dataset_kwargs`, or (for the column) `formatting_func`, or a `**mapping` of options it cannot see (one of two dicts it shows, `**({"optim": ...} if quantized else {})`,
        is read), when the dataset it is given was tokenized after the render (a `.map()` whose
        function writes `input_ids`: trl tokenizes nothing again) or lost the column, and when the module runs with
        Unsloth: it imports Unsloth before trl, outside a `try` (and not in a loader the module calls inside a `try`
        whose fallback loads without it), or sits in a folder named for it (a project's Unsloth backend); and when
        the function that makes the trainer imports Unsloth before it, outside a `try` or in one whose handlers leave
        the function (`except ImportError: return False`), while another function of the module, the fallback without
        Unsloth, is still judged. Unsloth's patched trainer sees the BOS the texts start with and tokenizes them without
        special tokens. There is no automatic fix: give the trainer the conversations (a `messages` column) and let
        it render them once.
    """
    why_is_this_bad = """
        Most chat templates write the BOS token into the text (`<|begin_of_text|>`, `<s>`, `<bos>`). Tokenizing
        that text with special tokens on adds the tokenizer's own BOS in front of it, so every training sequence
        starts `<bos><bos>`, which the model never sees at inference time (where `apply_chat_template` tokenizes
        once). The loss looks normal; the model is quietly trained on a different distribution. A BOS in the
        middle of a sequence (a completion tokenized with special tokens and appended to its prompt) does the
        same damage halfway through.
    """
    example = """
        def tokenize(example, tokenizer):
            text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
            return tokenizer(text, truncation=True, max_length=2048)
    """
    use_instead = """
        def tokenize(example, tokenizer):
            text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
            return tokenizer(text, truncation=True, max_length=2048, add_special_tokens=False)
    """
    fix_safety = """
        The fix adds `add_special_tokens=False` to the tokenizer call (or sets it to `False` where the call sets it
        to `True`). It is **safe** when the text certainly comes from a chat template rendered in the same
        function, and **unsafe** otherwise: when only some of the values that reach the call are rendered texts
        (the other branch may be a plain document that needs its BOS), when the text comes from a helper or
        another method, when the tokenizer call sits inside a helper that other callers share, and for the
        prompt/completion sibling (a tokenizer that appends EOS would lose it). For a prompt and full pair the fix
        changes both tokenizer calls or neither: it is safe only when each side's own fix would be, and there is
        none when one side cannot be fixed.
    """

    def _mlx_lm_adding_bos(self) -> str | None:
        """Where the project keeps mlx-lm to releases whose `generate` adds a BOS to a text that has one (before
        0.21), in words for the message; None when it allows a later one (a lower bound alone installs the newest,
        which do not), or names no version."""
        resolution = self.dependencies.resolve("mlx-lm")
        if not resolution.keeps_below(MLX_LM_SKIPS_BOS):
            return None
        allowing = resolution.allowing_below(MLX_LM_SKIPS_BOS)
        if allowing is None:
            return None
        if allowing.exact is not None:
            return f" (the project uses mlx-lm {allowing.exact}, {allowing.kind.value} in {allowing.where})"
        return f" (`{allowing.text}` in {allowing.where} keeps mlx-lm before {MLX_LM_SKIPS_BOS})"

    def _uses_transformer_lens(self, facts: ModuleFacts) -> bool:
        """Does the module import TransformerLens (or sae-lens), or the project declare either?"""
        imported = any(ref.module.split(".")[0] in ("transformer_lens", "sae_lens") for ref in facts.imports)
        return imported or any(self.dependencies.resolve(name).declarations for name in TRANSFORMER_LENS_PACKAGES)

    def _pipelines_add_no_special_tokens(self) -> bool:
        """Does the project keep transformers before 4.43, whose `text-generation` pipeline tokenizes a text prompt
        with `add_special_tokens=False`? (Unknown versions install the newest, which leave it to the tokenizer.)"""
        return self.dependencies.resolve("transformers").keeps_below(PIPELINE_ADDS_SPECIAL)

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        reported: set[int] = set()
        doubled = {}
        for tokenizer_call in facts.tokenizer_calls:
            diagnostic = self._double_bos(tokenizer_call, facts)
            if diagnostic is not None:
                doubled[id(tokenizer_call.call)] = (tokenizer_call, diagnostic)
        for pair in _prompt_full_pairs([call for call, _ in doubled.values()], facts):
            # one finding for both sides, at the full conversation's call: fixing one alone shifts the mask
            prompt, full = pair.prompt, pair.full
            doubled[id(full.call)] = (full, _pair_diagnostic(pair, doubled, facts))
            del doubled[id(prompt.call)]
        for _, diagnostic in doubled.values():
            if id(diagnostic.node) not in reported:
                reported.add(id(diagnostic.node))
                yield diagnostic
        for split in facts.split_tokenizations:
            diagnostic = self._split(split, facts)
            if diagnostic is not None and id(diagnostic.node) not in reported:
                reported.add(id(diagnostic.node))
                yield diagnostic
        if not self._runs_without_bos(facts):
            yield from (_trainer_diagnostic(tokenization, facts) for tokenization in sft_text_columns(facts))
            for turn in turn_renders(facts):
                if not _named_for_a_family_without_bos(turn.template_call.function, facts.path):
                    yield _turn_diagnostic(turn, facts)

    def _runs_without_bos(self, facts: ModuleFacts) -> bool:
        """Every model the module runs has a template without a BOS (`_no_template_writes_bos`); or the project says
        it runs only such models (the `models` setting) and the module names no checkpoint of a family with one."""
        if _no_template_writes_bos(facts):
            return True
        if not self._configured_without_bos:
            return False
        return not any(family is not None and family.writes_bos for family in _checkpoint_families(facts))

    @functools.cached_property
    def _configured_without_bos(self) -> bool:
        """The `models` setting names models, every one of a family whose template writes no BOS."""
        return bool(self.models) and _all_without_bos(family_of(name) for name in self.models)

    def _double_bos(self, tokenizer_call: TokenizerCall, facts: ModuleFacts) -> Diagnostic | None:
        origin = tokenizer_call.origin
        if origin is None or not tokenizer_call.adds_special_tokens:
            return None
        function = tokenizer_call.function
        if self._runs_without_bos(facts) and not _class_named_for_a_bos_family(function):
            return None  # every model the module loads has a template without a BOS (and the class is for none else)
        if tokenizer_call.related and not facts.checkpoints and _configured_for_families_without_bos(facts):
            return None  # a helper of another module runs the model; the configuration imported names a BOS-free one
        helpers = facts.links.helper_families if facts.links else ()
        if tokenizer_call.related and helpers and _all_without_bos(map(family_named, helpers)):
            return None  # the helpers of other modules that tokenize load only models whose templates write no BOS
        if _tokenizer_loaded_without_bos(tokenizer_call, facts):
            return None  # `self.tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-0.5B-Instruct")`: its own
        if _rendered_without_bos(origin, facts):
            return None  # rendered by a tokenizer loaded from a Qwen checkpoint: the text has no BOS to double
        if _named_for_a_family_without_bos(function, facts.path):
            return None  # the function (its class, its file) is written for a family whose template has no BOS
        if "bos_token" in facts.source.text and _turns_the_bos_off(tokenizer_call):
            return None  # `processor.tokenizer.add_bos_token = False` (or `tok.bos_token = None`) before the call
        if _written_for_a_thinking_template(origin.render_call, facts):
            return None  # `enable_thinking=False`: Qwen 3's (or SmolLM 3's) ChatML template, which writes no BOS
        if only_counted(
            tokenizer_call.call, tokenizer_call.function, facts.ancestors(tokenizer_call.call), facts.flows
        ):
            return None  # a length statistic or filter: a second BOS changes a count by one, not what is trained
        if _ids_dropped(tokenizer_call, facts):
            return None  # only the image features are kept (`pixel_values`): the ids with their BOS are dropped
        if _under_a_family_test(tokenizer_call.call, facts):
            return None  # `if type(self.model).__name__ == "Qwen2ForCausalLM":`: that branch runs for that family only
        if _in_a_function_of_one_family(tokenizer_call.function):
            return None  # `from qwen_vl_utils import process_vision_info` in the function: it is for Qwen's models
        if _for_encoder_decoder(tokenizer_call.call, facts):
            return None  # an encoder-decoder model's input (T5, BART): chat templates that write a BOS are not theirs
        if _under_a_checkpoint_without_bos(tokenizer_call.call, facts):
            return None  # `elif self.model_name == "Qwen/Qwen2.5-Math-PRM-7B":`: the branch of one BOS-free model
        if tokenizer_call.engine == MLX_VLM and _GEMMA_3_OR_4.search(facts.source.text):
            return None  # mlx-vlm adds no special tokens for Gemma 3 and 4, whose templates write the BOS
        releases = self._mlx_lm_adding_bos() if tokenizer_call.engine == MLX_LM else ""
        if releases is None:
            return None  # mlx-lm 0.21 and later leave off the BOS a text starts with
        if tokenizer_call.engine.startswith(TRANSFORMER_LENS_BY_NAME) and not self._uses_transformer_lens(facts):
            return None  # `model.to_tokens(text)` in a project that shows no TransformerLens: some other `to_tokens`
        pipeline = tokenizer_call.engine == PIPELINE or tokenizer_call.engine.startswith(LANGCHAIN_PIPELINE)
        if pipeline and self._pipelines_add_no_special_tokens():
            return None  # the project's transformers predates 4.43: its pipelines tokenize text without them
        if origin.written_bos and (
            _processor_call(tokenizer_call) or (tokenizer_call.engine and origin.written_bos not in _ALWAYS_ADDED)
        ):
            # a prompt in a model's documented format handed to a processor, or starting with `<s>` to an engine:
            # whether a BOS is added again varies with the model
            return None
        special = _special_words(tokenizer_call)
        via = f" through {tokenizer_call.via}" if tokenizer_call.via else ""
        maybe = "" if origin.certain else " (on at least one path)"
        if origin.written_bos:  # a prompt written by hand: its model's tokenizer adds that BOS again
            start = f"a BOS{maybe} (for a tokenizer whose BOS is `{origin.written_bos}`)"
        else:
            start = f"the template's BOS{maybe}{_condition(facts)}"
        message = (
            f"{_subject(tokenizer_call, facts)} {'holds texts' if origin.batch else 'is'} {origin.describe()}, so "
            f"{'each' if origin.batch else 'it'} already starts with {start}; tokenizing "
            f"{'them' if origin.batch else 'it'} "
            f"again{via} {special} adds a second BOS{releases}"
        )
        safe = origin.certain and origin.same_function and not tokenizer_call.via and not origin.written_bos
        inner = tokenizer_call.inner
        # the trail ends where the helper tokenizes (where the fix goes)
        inside = (Related(facts.path, inner.call.lineno, "tokenized here"),) if inner is not None else ()
        fix = _fix(tokenizer_call, facts, Applicability.SAFE if safe else Applicability.UNSAFE)
        text = tokenizer_call.text
        # an engine or server that takes no flag (nothing to fix at the call): point at the text it is handed, when
        # that is on a line of its own (`session.post(url, json={..., "prompts": [prompt], ...})`)
        call = tokenizer_call.call
        inside_call = text is not None and call.lineno < text.lineno <= (call.end_lineno or 0)
        return Diagnostic(
            node=text if fix is None and tokenizer_call.engine and inside_call and text is not None else call,
            message=message,
            fix=fix,
            related=origin.related + tokenizer_call.related + inside,
        )

    def _split(self, split: SplitTokenization, facts: ModuleFacts) -> Diagnostic | None:
        second = split.second
        if not second.adds_special_tokens or second.origin is not None or second.text is None:
            return None
        if facts.remembered(_imports_an_encoder):
            return None  # BERT-style pair input: `[CLS] a [SEP]` + `[CLS] b [SEP]` is the model's own format
        first_text = _short(facts.code(split.first.text)) if split.first.text is not None else "the prompt"
        message = (
            f"`{_short(facts.code(second.text))}` is tokenized {_special_words(second)} and its ids are appended "
            f"after those of `{first_text}` (`{_short(facts.code(split.node))}`): its BOS lands in the middle of "
            f"the sequence"
        )
        return Diagnostic(node=second.call, message=message, fix=_fix(second, facts, Applicability.UNSAFE))


_ENCODER_WORDS = re.compile(r"deberta|roberta|electra|(?<![a-z])bert|(?<![a-z])xlm")


# the BOS tokens whose tokenizers always add them again (Llama 3's, Gemma's, DeepSeek's): a prompt written with one
# and handed to an engine that tokenizes with special tokens on starts with two
_ALWAYS_ADDED = frozenset({"<|begin_of_text|>", "<bos>", "<｜begin▁of▁sentence｜>"})


def _processor_call(tokenizer_call: TokenizerCall) -> bool:
    """Is the text handed to a multimodal processor (`processor(text=prompt, images=...)`), not a tokenizer?"""
    return names_a_processor((tokenizer_call.inner or tokenizer_call).call.func)


# a model family whose template writes a BOS, named anywhere in a module's text (comments included); not llama.cpp,
# LlamaIndex or Ollama, which are no model
_NAMES_A_BOS_FAMILY = re.compile(
    r"(?<![a-z])llama(?![-_. ]?(?:cpp|index))|gemma|mistral|mixtral|(?<![a-z])phi-?[1-4]|idefics(?!-?2)|granite"
    r"|(?<![a-z])olmo(?!cr)"
)


def _written_for_a_thinking_template(render: ast.Call | None, facts: ModuleFacts) -> bool:
    """The render passes `enable_thinking=True` or `=False` itself: a variable of Qwen 3's and SmolLM 3's chat
    templates (ChatML, no BOS), which other templates ignore; or `reasoning_effort="low"`, gpt-oss's. A value handed through (`enable_thinking=flag`,
    `**template_kwargs`) says only that the code serves thinking models among others, and so does a render in a
    `try` that renders again without it when a tokenizer refuses the keyword (`except TypeError:`), and a module that
    names a family whose template writes a BOS (Llama, Gemma, Mistral, Phi, Idefics 3, Granite, OLMo), in its code
    or comments."""
    if render is None or not any(_thinking_switch(item) for item in render.keywords):
        return False
    if _NAMES_A_BOS_FAMILY.search(facts.source.text.lower()):
        return False  # (`# Qwen3/Llama-3/Mistral path`: the module is written for other families too)
    return not any(
        isinstance(above, ast.Try) and child in above.body and _renders_again_on_type_errors(above)
        for above, child in _enclosing(render, facts)
    )


def _thinking_switch(item: ast.keyword) -> bool:
    """`enable_thinking=False` (Qwen 3's and SmolLM 3's ChatML templates), or `reasoning_effort="low"` (gpt-oss's
    Harmony template, which starts with `<|start|>system` and writes no BOS), written as a literal."""
    if item.arg == "enable_thinking":
        return bool_literal(item.value) is not None
    return item.arg == "reasoning_effort" and string_value(item.value) in ("low", "medium", "high")


def _renders_again_on_type_errors(statement: ast.Try) -> bool:
    """Is the `try` written for tokenizers that refuse the keyword: a handler catches `TypeError` by name (alone or
    in a tuple), or catches every exception and renders again? A catch-all handler that only reports the error is
    error handling, not a fallback."""
    for handler in statement.handlers:
        caught = handler.type
        names = {dotted_name(name) for name in ([caught] if not isinstance(caught, ast.Tuple) else caught.elts)}
        if "TypeError" in names:
            return True
        if (caught is None or names & {"Exception", "BaseException"}) and any(
            isinstance(node, ast.Call) and called_name(node) == "apply_chat_template"
            for inner in handler.body
            for node in ast.walk(inner)
        ):
            return True
    return False


def _imports_an_encoder(facts: ModuleFacts) -> bool:
    """The module imports an encoder-only model class or tokenizer (`DebertaV2Model`, `BertTokenizer`): its texts
    may be pair segments, each with its own `[CLS]`/`[SEP]`, as the model expects."""
    return any(_ENCODER_WORDS.search((ref.symbol or ref.module).lower()) for ref in facts.imports)


def _for_encoder_decoder(call: ast.Call, facts: ModuleFacts) -> bool:
    """The call runs only for an encoder-decoder model: in the body of `if self.is_encoder_decoder:`, in the `else`
    of `if not is_encoder_decoder:`, or after an `if not is_encoder_decoder:` whose body always returns (trl's
    preference trainers tokenize both ways)."""
    for above, child in _enclosing(call, facts):
        if isinstance(above, (ast.If, ast.IfExp)) and child is not above.test:
            negated, test = _encoder_decoder_test(above.test)
            if test:
                in_body = child is above.body or (isinstance(above.body, list) and child in above.body)
                return in_body != negated
        for block in _blocks(above):
            if child in block:
                earlier = block[: block.index(child)]
                if any(_leaves_unless_encoder_decoder(statement) for statement in earlier):
                    return True
    return False


def _under_a_family_test(call: ast.Call, facts: ModuleFacts) -> bool:
    """The call runs in the body of an `if` whose test names model families whose templates write no BOS, and none
    that writes one (`if type(self.model).__name__ == "Qwen2ForCausalLM":`, `elif model_type.startswith("qwen"):`)."""
    for above, child in _enclosing(call, facts):
        if isinstance(above, ast.If) and child in above.body:
            names = [node.value for node in ast.walk(above.test) if isinstance(node, ast.Constant)]
            if _one_family_without_bos([name for name in names if isinstance(name, str) and name]):
                return True
    return False


def _in_a_function_of_one_family(function: FunctionInfo) -> bool:
    """The function that tokenizes imports, in its body (also in a `try` or `with`, not in a branch), from
    libraries named for model families whose templates write no BOS, and none that writes one (`from qwen_vl_utils
    import process_vision_info`, a library of Qwen's vision models): the function is written for those models. (By
    the library's top-level package only: `from proj.models.qwen2_vl import get_rope_index` is a module of the
    project, which may serve one family among several.) So is a function defined in one that does (`def
    prepare_sample(sample)` in the function that imports `qwen_vl_utils`)."""
    scope: FunctionInfo | None = function
    while scope is not None and not scope.is_module:
        if _imports_one_family_in_its_body(scope):
            return True
        scope = scope.outer
    return False


def _imports_one_family_in_its_body(function: FunctionInfo) -> bool:
    if not isinstance(function.node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    packages = []
    statements = list(function.node.body)
    while statements:
        statement = statements.pop()
        if isinstance(statement, ast.ImportFrom) and statement.module is not None and statement.level == 0:
            packages.append(statement.module.split(".")[0])
        elif isinstance(statement, ast.Import):
            packages += [alias.name.split(".")[0] for alias in statement.names]
        elif isinstance(statement, (ast.Try, ast.With, ast.AsyncWith)):
            statements += statement.body  # (`try: from qwen_vl_utils import ...`, or under a lock: not a branch)
    return bool(packages) and _one_family_without_bos(packages)


def _enclosing(node: ast.AST, facts: ModuleFacts) -> Iterator[tuple[ast.AST, ast.AST]]:
    """Each node around `node`, innermost first, with its child on the way down to `node`."""
    child = node
    for above in reversed(facts.ancestors(node)):
        yield above, child
        child = above


def _under_a_checkpoint_without_bos(call: ast.Call, facts: ModuleFacts) -> bool:
    """The call is in the body of an `if` (or `elif`) that compares a model's name to checkpoints of families whose
    templates write no BOS (`if self.model_name == "Qwen/Qwen2.5-Math-PRM-7B":`, `if model_id in ("Qwen/...",
    ...)`): a dispatch on the model that runs that branch for those models only."""
    for above, child in _enclosing(call, facts):
        if isinstance(above, ast.If) and child in above.body:
            names = _compared_checkpoints(above.test)
            if names and _all_without_bos(family_of(name) for name in names):
                return True
    return False


def _compared_checkpoints(test: ast.expr) -> list[str]:
    """The checkpoint names a test compares a value to with `==` or `in` (a tuple, list or set of literals)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and len(test.comparators) == 1):
        return []
    other = test.comparators[0]
    if isinstance(test.ops[0], ast.Eq):
        # one side a checkpoint, the other the value compared (`self.model_name == "Qwen/..."`)
        names = [name for name in map(_checkpoint_literal, (test.left, other)) if name is not None]
        return names if len(names) == 1 else []
    if isinstance(test.ops[0], ast.In) and isinstance(other, (ast.Tuple, ast.List, ast.Set)):
        names = [name for name in map(_checkpoint_literal, other.elts) if name is not None]
        return names if len(names) == len(other.elts) else []
    return []


def _checkpoint_literal(node: ast.expr) -> str | None:
    """A string literal that names a checkpoint (`"Qwen/Qwen2.5-Math-PRM-7B"`: an owner and a name)."""
    value = string_value(node)
    return value if value is not None and "/" in value else None


def _encoder_decoder_test(test: ast.expr) -> tuple[bool, bool]:
    """(negated, is a test of `is_encoder_decoder`): `self.is_encoder_decoder`, `not is_encoder_decoder`."""
    negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
    tested = test.operand if isinstance(test, ast.UnaryOp) and negated else test
    return negated, "encoder_decoder" in (dotted_name(tested) or "")


def _leaves_unless_encoder_decoder(statement: ast.stmt) -> bool:
    """`if not self.is_encoder_decoder: ...; return ...`: what follows it runs for an encoder-decoder model only."""
    if not isinstance(statement, ast.If) or statement.orelse:
        return False
    negated, test = _encoder_decoder_test(statement.test)
    return test and negated and isinstance(statement.body[-1], (ast.Return, ast.Raise))


def _blocks(node: ast.AST) -> list[list[ast.stmt]]:
    """The statement lists directly under `node` (a body, an `else`, a `finally`)."""
    return [block for name in ("body", "orelse", "finalbody") if isinstance(block := getattr(node, name, None), list)]


# a string naming a Gemma 3 or 4 checkpoint (`"mlx-community/gemma-3-4b-it-4bit"`, `"gemma3"`): mlx-vlm's
# `generate` leaves special tokens off for them
_GEMMA_3_OR_4 = re.compile(r"[\"'][^\"'\n]*gemma-?[34](?![0-9.])[^\"'\n]*[\"']", re.IGNORECASE)


def _named_for_a_family_without_bos(function: FunctionInfo, path: str) -> bool:
    """A function (or the class of a method, or the module's file or folder) named for one model family whose chat
    template writes no BOS: `qwen2_5_collate_fn`, `Qwen2VLDataCollator.__call__`, `models/vlm_qwen/processor.py`, `qwen36_gsm8k/sft/eval.py` (its two folders)."""
    parts = PurePath(path).with_suffix("").parts[-3:]
    names = [function.name, function.cls.name if function.cls is not None else "", *parts]
    return _one_family_without_bos([name for name in names if name])


def _class_named_for_a_bos_family(function: FunctionInfo) -> bool:
    """A method of a class named for a model family whose template writes a BOS (`_OVMistral3ForCausalLM`,
    `Idefics3Adapter`): one class of a module of many per-model classes, whose imports name another family."""
    name = function.cls.name if function.cls is not None else ""
    family = family_of(name) if name else None
    return bool(name) and (_BOS_FAMILY_WORDS.search(name.lower()) is not None or bool(family and family.writes_bos))


def _turns_the_bos_off(tokenizer_call: TokenizerCall) -> bool:
    """The function sets a tokenizer's `add_bos_token = False` (or loads it with `add_bos_token=False`, or sets its
    `bos_token = None`) before the call (also under a test of the template: `if "bos_token" in tok.chat_template:`), or, for the tokenizer the
    instance keeps (`self.tokenizer(...)`), a method of its class does (`def init(self): self.tokenizer.add_bos_token =
    False`, `self.tokenizer = AutoTokenizer.from_pretrained(name, add_bos_token=False)`): the code itself keeps the
    BOS from being added twice. For a helper of the module, the tokenizer call inside it, in its function."""
    if tokenizer_call.inner is not None and _turns_the_bos_off(tokenizer_call.inner):
        return True
    function, call = tokenizer_call.function, tokenizer_call.call
    if any(node.lineno < call.lineno for node, _ in _bos_switched_off(function.node)):
        return True
    func = call.func
    receiver = dotted_name(func.value if isinstance(func, ast.Attribute) and func.attr in ENCODE_METHODS else func)
    if function.cls is None or receiver is None or not receiver.startswith("self."):
        return False
    return any(
        dotted_name(tokenizer) == receiver
        for method in function.cls.methods.values()
        for _, tokenizer in _bos_switched_off(method.node)
    )


def _bos_switched_off(node: ast.AST) -> Iterator[tuple[ast.Assign, ast.expr]]:
    """The assignments `x.add_bos_token = False`, `x.bos_token = None` and `x = AutoTokenizer.from_pretrained(...,
    add_bos_token=False)`, under `node`, with the tokenizer whose BOS they turn off (`x`)."""
    for statement in ast.walk(node):
        if not isinstance(statement, ast.Assign):
            continue
        value = statement.value
        if bool_literal(value) is False:
            for target in statement.targets:
                if isinstance(target, ast.Attribute) and target.attr == "add_bos_token":
                    yield statement, target.value
        elif isinstance(value, ast.Constant) and value.value in (None, ""):
            # `tok.bos_token = None`: the template's `{{ bos_token }}` renders nothing and the tokenizer adds none
            for target in statement.targets:
                if isinstance(target, ast.Attribute) and target.attr == "bos_token":
                    yield statement, target.value
        elif isinstance(value, ast.Call) and bool_literal(keyword_value(value, "add_bos_token")) is False:
            for target in statement.targets:
                yield statement, target


def _checkpoint_families(facts: ModuleFacts) -> list[ModelFamily | None]:
    """The family of each model the module loads (None where its name says nothing known)."""
    return [family_of(name) if name else None for name in facts.checkpoints]


def _no_template_writes_bos(facts: ModuleFacts) -> bool:
    """Every model the module loads has a chat template without a BOS; or it loads none it names, and the model
    classes and helpers it imports or binds are one such family's only (`Qwen2_5_VLForConditionalGeneration`,
    `qwen_vl_utils`)."""
    families = _checkpoint_families(facts)
    if any(family is not None and family.writes_bos for family in families):
        return False
    if families and all(family is not None for family in families):
        return True
    if not families and facts.links and facts.links.importer_families:
        # a module that loads no model, imported in the run only by modules that load such families
        named = [family_named(name) for name in facts.links.importer_families]
        return _all_without_bos(named)
    # a checkpoint named by nothing known: what the module imports and binds decides, or the ChatML it writes
    return facts.remembered(_imports_one_family_without_bos) or facts.remembered(_written_for_chatml)


def _written_for_chatml(facts: ModuleFacts) -> bool:
    """Does the module write ChatML's markers itself (`f"<|im_start|>user\n{prompt}<|im_end|>"`, a loss mask between
    `<|im_start|>assistant` and `<|im_end|>`, `encode("<|im_start|>")`), and name no family whose template writes a
    BOS, nor its markers? Code that builds or parses ChatML itself is written for ChatML templates, which write no
    BOS. Not when it tests a text for the marker (`if "<|im_start|>" in response:`) or offers ChatML by name
    (`if spec.chat_template == "chatml":`): there ChatML is one format among others."""
    text = facts.source.text
    if "<|im_start|>" not in text or _OFFERS_CHATML.search(text):
        return False
    markers = [match.end() for match in _CHATML_MARKER.finditer(text)]
    if not markers or any(_TESTED_FOR.match(text, end) for end in markers):
        return False
    return not _NAMES_A_BOS_FAMILY.search(text.lower()) and not _OTHER_MARKERS.search(text)


# a string literal holding ChatML's turn marker, and what makes it a containment test (`"<|im_start|>..." in text`)
_CHATML_MARKER = re.compile(r"""["'][^"'\n]*<\|im_start\|>[^"'\n]*["']""")
_TESTED_FOR = re.compile(r"\s+(?:not\s+)?in\b")
# ChatML named as one of the formats the code can write (`"chatml"`)
_OFFERS_CHATML = re.compile(r"""["']chatml["']""", re.IGNORECASE)
# the markers of templates that write a BOS or are not ChatML: Llama 3's, Llama 2's and Mistral's, Gemma's, a `<s>`
_OTHER_MARKERS = re.compile(r"<\|begin_of_text\|>|<\|eot_id\|>|\[INST\]|<start_of_turn>|<bos>|<s>")


def _tokenizer_loaded_without_bos(tokenizer_call: TokenizerCall, facts: ModuleFacts) -> bool:
    """The tokenizer that tokenizes again is loaded, where the code binds it once, from a checkpoint the code names
    of a family whose template writes no BOS (`self.tokenizer = AutoTokenizer.from_pretrained("Qwen/...")`),
    whatever other models the module runs."""
    func = tokenizer_call.call.func
    receiver = func.value if isinstance(func, ast.Attribute) and func.attr in ENCODE_METHODS else func
    return _loaded_without_bos(receiver, tokenizer_call.function, facts)


def _rendered_without_bos(origin: TextOrigin, facts: ModuleFacts) -> bool:
    """The text was rendered, in this module, by a tokenizer or processor loaded once from a checkpoint the code names
    of a family whose template writes no BOS (`tok = AutoTokenizer.from_pretrained(QWEN_PATH)`, then
    `tok.apply_chat_template(...)`): the text starts with no BOS, whatever model tokenizes it again (a TransformerLens
    model loaded from a path the code does not name). Not when the module sets a chat template of its own."""
    render = origin.render_call
    if render is None or not isinstance(render.func, ast.Attribute) or "chat_template =" in facts.source.text:
        return False
    function = next((call.function for call in facts.template_calls if call.call is render), None)
    return function is not None and _loaded_without_bos(render.func.value, function, facts)


def _loaded_without_bos(receiver: ast.expr, function: FunctionInfo, facts: ModuleFacts, depth: int = 0) -> bool:
    """Is the tokenizer (or processor) `receiver` names in `function` bound once, to a `from_pretrained(...)` of a
    checkpoint the code names, of a family whose template writes no BOS (or, for a parameter, by every call of the
    function in the module, two calls deep at most)?"""
    attribute = is_self_attribute(receiver)
    loader = function
    if attribute and function.self_class is not None:
        lineage = function.self_class.lineage()
        values = [value for owner in lineage for value in owner.attributes.get(attribute, ())]
        # (read in the method that loads it: `self.processor = AutoProcessor.from_pretrained(model_name)` in
        # `__init__`, with the constructor's parameter)
        loader = next(
            (
                method
                for owner in lineage
                for method in owner.methods.values()
                if values
                and getattr(method.node, "lineno", 0)
                <= values[0].lineno
                <= (getattr(method.node, "end_lineno", 0) or 0)
            ),
            function,
        )
    elif isinstance(receiver, ast.Name):
        values = list(function.assignments.get(receiver.id, ()))
        if not values and receiver.id in function.params and depth < 2:
            # a parameter: every call of the function in the module hands it such a tokenizer (`evaluate(path,
            # tokenizer)` in `main`, with `tokenizer = AutoTokenizer.from_pretrained("Qwen/...")` there)
            passed = facts.passed_for(function, receiver.id)
            return bool(passed) and all(
                argument is not None and _loaded_without_bos(argument, caller, facts, depth + 1)
                for argument, caller in passed
            )
    else:
        return False
    load = values[0] if len(values) == 1 else None
    if not (isinstance(load, ast.Call) and called_name(load) == "from_pretrained" and load.args):
        return False
    family = family_of(facts.checkpoint_of(load.args[0], loader) or "")
    return family is not None and not family.writes_bos


def _configured_for_families_without_bos(facts: ModuleFacts) -> bool:
    """The configuration classes and functions the module imports name checkpoints as field defaults
    (`EvolConfig.model = "Qwen/Qwen2.5-7B-Instruct"`), all of known families whose templates write no BOS: what a
    module that loads no model itself, handing a render to a helper of another module that runs one, is configured
    with (a default decides, as a checkpoint parameter's does)."""
    if not facts.links:
        return False
    families = [
        family_of(value)
        for imported in facts.links.names.values()
        if imported.symbol is not None
        for owner, _, value in imported.summary.defaults
        if owner == imported.symbol and "/" in value
    ]
    return bool(families) and _all_without_bos(families)


def _all_without_bos(families: Iterable[ModelFamily | None]) -> bool:
    """Is every family known, with a chat template that writes no BOS?"""
    return all(family is not None and not family.writes_bos for family in families)


# model families whose chat templates write a BOS, by the words of their classes and packages (most have no entry in
# `knowledge.model_families`): an import naming one of them means the module is not for a BOS-free family alone
_BOS_FAMILY_WORDS = re.compile(r"llama|gemma|mistral|mixtral|(?<![a-z])phi|idefics(?![-_ ]?2)|granite|olmo")


def _imports_one_family_without_bos(facts: ModuleFacts) -> bool:
    """The module's imports, and the names its top level binds (`Qwen2VLModel, ok = optional_import(...)`), name
    model families; one without a BOS, and none that writes one."""
    # the module's own imports by where they come from and what they bind; a function's imports only by the name
    # it binds: `from .qwen2_vl import get_rope_index` in an `if is_qwen2vl:` branch names no model the function
    # loads, `from .processing_qwen2_vl import Qwen2VLProcessor` in `__init__` does
    own = set(imports_of(facts.module, in_definitions=False))
    names = [
        part
        for ref in facts.imports
        for part in ((ref.module, ref.symbol or "") if ref in own else (ref.symbol or ref.local,))
        if part
    ]
    names += [
        target.id
        for statement in facts.module.body
        if isinstance(statement, ast.Assign)
        for node in statement.targets
        for target in ast.walk(node)
        if isinstance(target, ast.Name)
    ]
    # a model class a function binds by name (`Qwen2_5_VLForConditionalGeneration = lazy_import("...")`), like an
    # import in it
    names += [name for function in facts.functions for name in function.assignments if MODEL_CLASS.search(name)]
    # a model class read off the library's module (`transformers.Qwen3VLForConditionalGeneration.from_pretrained(...)`)
    named = _LIBRARY_MODEL_CLASS.findall(facts.source.text) if "transformers." in facts.source.text else []
    names += named
    top = [ref.symbol or "" for ref in own] + named
    if any((MODEL_CLASS.search(name) and family_of(name) is None) or ANY_MODEL_CLASS.match(name) for name in top):
        # the module imports a model class of a family not known (`LlavaForConditionalGeneration` beside a OneVision
        # one), or an `Auto*` model class that loads any (`AutoModelForImageTextToText` for every model type but
        # the one a `Qwen3VLForConditionalGeneration` branch serves); one imported in a function is for that
        # function's branch only
        return False
    return _one_family_without_bos(names)


# a model class of one architecture named through the library's module (`transformers.Qwen3VLForConditionalGeneration`)
_LIBRARY_MODEL_CLASS = re.compile(
    r"\btransformers\.((?!Auto|TF|Flax)[A-Z]\w*(?<!Model)For(?:CausalLM|ConditionalGeneration|Vision2Seq|ImageTextToText))\b"
)


def _one_family_without_bos(names: list[str]) -> bool:
    """The names say model families whose templates write no BOS, and none that writes one (neither a known family
    nor one of `_BOS_FAMILY_WORDS`: `idefics3_beside_idefics2.py` is not BOS-free)."""
    known = [family for family in map(family_of, names) if family is not None]
    if not known or any(_BOS_FAMILY_WORDS.search(name.lower()) for name in names):
        return False
    return all(not family.writes_bos for family in known)


def _trainer_diagnostic(tokenization: TrainerTokenization, facts: ModuleFacts) -> Diagnostic:
    """`SFTTrainer` tokenizes a column that holds rendered text: no fix (the trainer decides how it tokenizes;
    giving it the conversations lets it render them once)."""
    origin = tokenization.origin
    called = called_name(tokenization.call) or ""
    trainer = (
        f"`{called}` (an `SFTTrainer`)" if called in facts.classes else "`SFTTrainer`"
    )  # (a subclass of the module)
    if tokenization.formatting:
        subject = f"{tokenization.field_words} (stored in column `{tokenization.column}`)"
        held = "they hold text"
    else:
        subject = f"column `{tokenization.column}` ({tokenization.field_words})"
        held = "that column holds text"
    message = (
        f"{trainer} tokenizes {subject} with special tokens on (trl does so for plain text), and {held} "
        f"{origin.describe()}, so each example already starts with the template's BOS{_condition(facts)}: trl adds a "
        f"second BOS. Give the trainer the conversations ({_conversations(tokenization)}) and let it render them"
    )
    line = tokenization.config_line
    config = (Related(facts.path, line, "names the text column"),) if line is not None else ()
    return Diagnostic(node=tokenization.call, message=message, related=origin.related + config)


def _conversations(tokenization: TrainerTokenization) -> str:
    """What the trainer renders itself, for the column it tokenizes."""
    if tokenization.column == TRL_PROMPT_FIELD and not tokenization.formatting:
        return "the prompt's messages in `prompt`, the reply as an assistant message in `completion`"
    return "a `messages` column"


def _turn_diagnostic(turn: TurnRender, facts: ModuleFacts) -> Diagnostic:
    """One turn rendered at a time and the renders joined: no fix (the turns must come from one render)."""
    message = (
        f"renders one turn at a time ({turn.turn} in a loop over the turns) and joins the results ({turn.joined}): "
        f"to the template each turn is a whole conversation, so every turn starts with the template's BOS"
        f"{_condition(facts)}, in the middle of the sequence (Llama 3.1's template also puts its default system "
        f"header before each one); render the conversation once and find the turns in that render "
        f"(`return_assistant_tokens_mask`, or the renders of its growing prefixes)"
    )
    return Diagnostic(node=turn.template_call.call, message=message)


def _condition(facts: ModuleFacts) -> str:
    """When the rendered text starts with a BOS: what the models the module loads say, else the condition."""
    families = _checkpoint_families(facts)
    if families and all(family is not None and family.writes_bos for family in families):
        return f" (the {families[0].name} chat template writes one)"  # type: ignore[union-attr]
    return ", for chat templates that begin with one (Llama 3's does; ChatML templates such as Qwen's do not)"


class _Pair(NamedTuple):
    """A prompt and its full conversation, both rendered and tokenized again with special tokens in one function,
    where the prompt's length masks the labels (`mask`)."""

    prompt: TokenizerCall
    full: TokenizerCall
    mask: LengthMask


def _prompt_full_pairs(doubled: list[TokenizerCall], facts: ModuleFacts) -> list[_Pair]:
    """The doubled tokenizer calls that pair up: in one function, one tokenizes the prompt render whose length masks
    the labels there, the other tokenizes another render of the whole conversation. Both sides carry the same
    extra BOS, so the mask lines up; only fixing both keeps it so."""
    # per function: (the render each doubled call's text comes from, the call)
    by_function: dict[int, list[tuple[ast.Call, TokenizerCall]]] = {}
    for tokenizer_call in doubled:
        render_call = tokenizer_call.origin.render_call if tokenizer_call.origin is not None else None
        if render_call is not None:
            by_function.setdefault(id(tokenizer_call.function), []).append((render_call, tokenizer_call))
    if not any(len(calls) > 1 for calls in by_function.values()):
        return []
    renders = {id(template_call.call): template_call for template_call in facts.template_calls}
    pairs: list[_Pair] = []
    paired: set[int] = set()
    for mask in length_masks(facts):
        calls = by_function.get(id(mask.function), [])
        prompt_render = mask.render.call
        prompts = [call for render, call in calls if render is prompt_render]
        fulls = [
            call for render, call in calls if render is not prompt_render and _renders_full(renders.get(id(render)))
        ]
        if len(prompts) != 1 or len(fulls) != 1 or {id(prompts[0].call), id(fulls[0].call)} & paired:
            continue
        paired.update((id(prompts[0].call), id(fulls[0].call)))
        pairs.append(_Pair(prompts[0], fulls[0], mask))
    return pairs


def _renders_full(render: TemplateCall | None) -> bool:
    """A render of the whole conversation: not a prompt, not opened for a reply."""
    if render is None or render.shape.kind is ShapeKind.PROMPT:
        return False
    return not render.flag("add_generation_prompt").is_true


def _pair_diagnostic(
    pair: _Pair, doubled: dict[int, tuple[TokenizerCall, Diagnostic]], facts: ModuleFacts
) -> Diagnostic:
    """One finding naming both sides; its fix changes both calls, or there is none."""
    prompt, full = pair.prompt, pair.full
    assert prompt.origin is not None and full.origin is not None
    full_text = _short(facts.code(full.text)) if full.text is not None else "the full text"
    prompt_text = _short(facts.code(prompt.text)) if prompt.text is not None else "the prompt"
    maybe = "" if prompt.origin.certain and full.origin.certain else " (on at least one path)"
    full_words, prompt_words = full.origin.describe(), prompt.origin.describe()
    prompts = "prompts" if prompt.origin.batch else "prompt"
    if full_words == prompt_words:
        rendered = f"`{full_text}` and the {prompts} `{prompt_text}` are both {full_words}"
    else:
        rendered = (
            f"`{full_text}` {'holds texts' if full.origin.batch else 'is'} {full_words} and the {prompts} "
            f"`{prompt_text}` {'hold texts' if prompt.origin.batch else 'is'} {prompt_words}"
        )
    message = (
        f"{rendered}, so each already starts with the template's BOS{maybe}{_condition(facts)}; tokenizing both "
        f"again with special tokens adds a second BOS to each. The prompt's length masks the labels at "
        f"{pair.mask.how}: fix both calls together, since turning special tokens off on one side only shifts "
        f"the prompt mask by one token"
    )
    full_fix, prompt_fix = (doubled[id(side.call)][1].fix for side in (full, prompt))
    fix = None
    if full_fix is not None and prompt_fix is not None:
        safe = full_fix.applicability is Applicability.SAFE and prompt_fix.applicability is Applicability.SAFE
        fix = NodeFix(
            Applicability.SAFE if safe else Applicability.UNSAFE,
            tuple(dict.fromkeys(full_fix.edits + prompt_fix.edits)),  # a helper both sides share: one edit
            "Pass `add_special_tokens=False` to both the full conversation's and the prompt's tokenizer calls",
        )
    # the places both sides' findings name (a helper's tokenization in another module), once each
    related = tuple(dict.fromkeys(item for side in (full, prompt) for item in doubled[id(side.call)][1].related))
    return Diagnostic(node=full.call, message=message, fix=fix, related=related)


def _special_words(tokenizer_call: TokenizerCall) -> str:
    if tokenizer_call.engine and not tokenizer_call.add_special_tokens.present:
        return f"with {tokenizer_call.engine},"
    flag = tokenizer_call.add_special_tokens
    if not flag.present:
        return "with special tokens (the default `add_special_tokens=True`)"
    where = f" (set by {flag.where})" if flag.where else ""
    return f"with `add_special_tokens=True`{where}"


def _subject(tokenizer_call: TokenizerCall, facts: ModuleFacts) -> str:
    """The tokenized text in words: the expression (not the render itself, which the message names next), or the
    column of the dataset a `.map()` goes over."""
    text = tokenizer_call.text
    if isinstance(text, ast.Call) and called_name(text) == "apply_chat_template":
        return "the text"  # `tok(tok.apply_chat_template(messages, tokenize=False))`
    if text is not None:
        return f"`{_short(facts.code(text))}`"
    if tokenizer_call.dataset is not None:
        return f"{column_words(tokenizer_call.column)} of `{_short(facts.code(tokenizer_call.dataset))}`"
    return "the text"


def _fix(tokenizer_call: TokenizerCall, facts: ModuleFacts, applicability: Applicability) -> NodeFix | None:
    if not tokenizer_call.fixable:
        return None
    if tokenizer_call.engine and not tokenizer_call.engine_takes_flag:
        return None  # the engine takes no `add_special_tokens`: hand it token ids, or the conversation to `chat()`
    if tokenizer_call.related:
        return _imported_helper_fix(tokenizer_call, facts)
    target = tokenizer_call.inner or tokenizer_call
    flag = target.add_special_tokens
    if target is not tokenizer_call:
        applicability = Applicability.UNSAFE  # a helper's call is shared by its other callers
    if any(
        item.arg is None and not visible_dict(item.value, target.function, facts.flows) for item in target.call.keywords
    ):
        applicability = Applicability.UNSAFE  # a `**mapping` read as other settings may still carry the flag
    if not flag.present:
        # (and in the helper's other tokenizer calls of the same text: `except TypeError: tokenizer([text])`)
        others = [other for other in tokenizer_call.also_inner if not other.add_special_tokens.present]
        edits = [add_keyword(call.call, FLAG, "False", facts.source) for call in (target, *others)]
        where = f" inside {tokenizer_call.via}" if tokenizer_call.via else ""
        if any(edit is None for edit in edits):
            return None  # (a call handed to a thread that does not forward keywords: `loop.run_in_executor(...)`)
        return NodeFix(applicability, tuple(edit for edit in edits if edit), f"Pass `add_special_tokens=False`{where}")
    if isinstance(flag.node, ast.Constant) and flag.node.value is True:
        if not flag.set_in_call:
            applicability = Applicability.UNSAFE
        where = f" in {flag.where}" if flag.where else ""
        return NodeFix(applicability, (NodeEdit(flag.node, "False"),), f"Set `add_special_tokens` to `False`{where}")
    return None


def _imported_helper_fix(tokenizer_call: TokenizerCall, facts: ModuleFacts) -> NodeFix | None:
    """A helper of another module: the call site passes `False` for the helper's flag parameter (unsafe: the text
    may not always be rendered), or there is no fix here (only the helper itself can change)."""
    flag = tokenizer_call.add_special_tokens
    if flag.set_in_call and isinstance(flag.node, ast.Constant) and flag.node.value is True:
        return NodeFix(Applicability.UNSAFE, (NodeEdit(flag.node, "False"),), "Set `add_special_tokens` to `False`")
    if flag.set_in_call and flag.present or tokenizer_call.off_keyword is None:
        return None
    edit = add_keyword(tokenizer_call.call, tokenizer_call.off_keyword, "False", facts.source)
    if edit is None:
        return None
    return NodeFix(Applicability.UNSAFE, (edit,), f"Pass `{tokenizer_call.off_keyword}=False` to the helper")


def _short(text: str) -> str:
    return shortened(text, 50)


# the keys of a processor's output that hold what it made of the images, videos or audio, not of the text
_FEATURE_KEY = re.compile(r"pixel|image|video|audio|feature|grid")


def _ids_dropped(tokenizer_call: TokenizerCall, facts: ModuleFacts) -> bool:
    """The output is kept under one name whose every use reads what the processor made of the images (or videos,
    audio): `out["pixel_values"]`, `out.image_grid_thw`, or `{k: v for k, v in out.items() if k not in
    ["input_ids", "attention_mask"]}` (a processor called for its image features), also after `out =
    prepare(out)`."""
    call = tokenizer_call.call
    ancestors = facts.ancestors(call)
    first = ancestors[-1] if ancestors else None
    if not (isinstance(first, ast.Assign) and assigns_one_name(first) and first.value is call):
        return False
    flow = function_flow(tokenizer_call.function, facts.flows)
    pending = [first]
    while pending:
        assignment = pending.pop()
        name = assignment.targets[0].id  # type: ignore[attr-defined]
        binding = flow.binding_of(assignment, name)
        loads = flow.loads_reached_by(binding) if binding is not None else []
        if not loads:
            return False
        for load in loads:
            above = load.ancestors[-1] if load.ancestors else None
            rebinds = load.ancestors[-2] if len(load.ancestors) > 1 else None
            if (
                isinstance(above, ast.Call)
                and load.node in above.args
                and isinstance(rebinds, ast.Assign)
                and assigns_one_name(rebinds)
                and rebinds.targets[0].id == name  # type: ignore[attr-defined]
                and rebinds.value is above
            ):
                pending.append(rebinds)  # `out = prepare(out)`: the same output
            elif not _reads_features(load.node, load.ancestors):
                return False
    return True


def _reads_features(node: ast.Name, ancestors: tuple[ast.AST, ...]) -> bool:
    above = ancestors[-1] if ancestors else None
    if isinstance(above, ast.Subscript) and above.value is node:
        key = string_value(above.slice)
        return key is not None and _FEATURE_KEY.search(key) is not None
    if not isinstance(above, ast.Attribute) or above.value is not node:
        return False
    called = len(ancestors) > 1 and isinstance(ancestors[-2], ast.Call) and ancestors[-2].func is above
    if not called:
        return _FEATURE_KEY.search(above.attr) is not None  # `out.pixel_values`
    if above.attr != "items":
        return False  # (`out.to(device)`, `out.get(key)`: the whole output, or a key the code may choose)
    # `{k: v for k, v in out.items() if k not in [...ids...]}`
    generator = next((item for item in reversed(ancestors) if isinstance(item, ast.comprehension)), None)
    if generator is None or not isinstance(generator.target, ast.Tuple) or not generator.target.elts:
        return False
    target = generator.target.elts[0]
    return isinstance(target, ast.Name) and any(_excludes_ids(test, target.id) for test in generator.ifs)


def _excludes_ids(test: ast.expr, key: str) -> bool:
    """`k not in ["input_ids", "attention_mask"]` (or `k != "input_ids" and ...`)."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_excludes_ids(value, key) for value in test.values)
    if not (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == key):
        return False
    op, right = test.ops[0], test.comparators[0]
    if isinstance(op, ast.NotIn) and isinstance(right, (ast.List, ast.Tuple, ast.Set)):
        return any(string_value(item) == "input_ids" for item in right.elts)
    return isinstance(op, ast.NotEq) and string_value(right) == "input_ids"
