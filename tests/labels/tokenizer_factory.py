"""Small offline tokenizers for five chat formats, with each family's real special tokens and a chat template
written in that family's format.

Each one is a byte-level BPE trained here on a few sentences, wrapped as ``PreTrainedTokenizerFast`` and
saved to a folder, so the code under test loads it with ``AutoTokenizer.from_pretrained(folder)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LLAMA3_TEMPLATE = (
    "{{- bos_token }}"
    "{%- for message in messages %}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + message['content'] | trim + '<|eot_id|>' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}"
)

CHATML_TEMPLATE = (
    "{%- for message in messages %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)

MISTRAL_TEMPLATE = (
    "{%- if messages[0]['role'] == 'system' %}"
    "{%- set system_message = messages[0]['content'] %}{%- set loop_messages = messages[1:] %}"
    "{%- else %}{%- set system_message = '' %}{%- set loop_messages = messages %}{%- endif %}"
    "{{- bos_token }}"
    "{%- for message in loop_messages %}"
    "{%- if message['role'] == 'user' %}"
    "{%- if loop.first and system_message %}{{- '[INST] ' + system_message + '\\n\\n' + message['content'] + ' [/INST]' }}"
    "{%- else %}{{- '[INST] ' + message['content'] + ' [/INST]' }}{%- endif %}"
    "{%- elif message['role'] == 'assistant' %}{{- ' ' + message['content'] + eos_token }}"
    "{%- else %}{{- raise_exception('Only user and assistant roles are supported') }}"
    "{%- endif %}"
    "{%- endfor %}"
)

GEMMA_TEMPLATE = (
    "{{- bos_token }}"
    "{%- if messages[0]['role'] == 'system' %}"
    "{%- set first_user_prefix = messages[0]['content'] + '\\n\\n' %}{%- set loop_messages = messages[1:] %}"
    "{%- else %}{%- set first_user_prefix = '' %}{%- set loop_messages = messages %}{%- endif %}"
    "{%- for message in loop_messages %}"
    "{%- set role = 'model' if message['role'] == 'assistant' else message['role'] %}"
    "{{- '<start_of_turn>' + role + '\\n' + (first_user_prefix if loop.first else '') + message['content'] | trim + '<end_of_turn>\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<start_of_turn>model\\n' }}{%- endif %}"
)

PHI3_TEMPLATE = (
    "{{- bos_token }}"
    "{%- for message in messages %}"
    "{{- '<|' + message['role'] + '|>\\n' + message['content'] + '<|end|>\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|assistant|>\\n' }}{%- endif %}"
)


@dataclass(frozen=True)
class Family:
    name: str
    template: str
    bos: str | None
    eos: str
    pad: str
    end_of_turn: str  # the text that ends an assistant turn
    extra_specials: tuple[str, ...] = field(default=())
    unk: str | None = None

    @property
    def specials(self) -> list[str]:
        tokens = [self.bos, self.eos, self.pad, self.unk, *self.extra_specials]
        return list(dict.fromkeys(t for t in tokens if t))


FAMILIES: dict[str, Family] = {
    "llama3": Family(
        "llama3",
        LLAMA3_TEMPLATE,
        bos="<|begin_of_text|>",
        eos="<|eot_id|>",
        pad="<|finetune_right_pad_id|>",
        end_of_turn="<|eot_id|>",
        extra_specials=("<|end_of_text|>", "<|start_header_id|>", "<|end_header_id|>"),
    ),
    "chatml": Family(
        "chatml",
        CHATML_TEMPLATE,
        bos=None,
        eos="<|im_end|>",
        pad="<|endoftext|>",
        end_of_turn="<|im_end|>",
        extra_specials=("<|im_start|>",),
    ),
    "mistral": Family(
        "mistral",
        MISTRAL_TEMPLATE,
        bos="<s>",
        eos="</s>",
        pad="</s>",  # Mistral ships no pad token; training code sets pad = eos
        end_of_turn="</s>",
        extra_specials=("[INST]", "[/INST]"),
        unk="<unk>",
    ),
    "gemma": Family(
        "gemma",
        GEMMA_TEMPLATE,
        bos="<bos>",
        eos="<eos>",
        pad="<pad>",
        end_of_turn="<end_of_turn>",
        extra_specials=("<start_of_turn>", "<end_of_turn>"),
        unk="<unk>",
    ),
    "phi3": Family(
        "phi3",
        PHI3_TEMPLATE,
        bos="<s>",
        eos="<|endoftext|>",
        pad="<|endoftext|>",
        end_of_turn="<|end|>",
        extra_specials=("<|system|>", "<|user|>", "<|assistant|>", "<|end|>"),
        unk="<unk>",
    ),
}


def training_corpus() -> list[str]:
    from chatlint.labels.samples import builtin_samples

    texts = ["system user assistant model", "Hello there, how are you today? I am fine, thank you."]
    for sample in builtin_samples():
        texts.extend(str(message["content"]) for message in sample.messages)
    return texts


def build_tokenizer(family: Family, folder: Path, corpus: list[str] | None = None, sentencepiece: bool = False) -> Path:
    """Train a tiny BPE for ``family`` and save it (tokenizer.json + config) into ``folder``.

    Byte-level (GPT-2 / Llama-3 / Qwen style) by default; ``sentencepiece=True`` gives the Metaspace ``▁`` +
    byte-fallback style of the Llama-2 / Mistral / Gemma tokenizers.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    if sentencepiece:
        model = Tokenizer(models.BPE(unk_token=family.unk, byte_fallback=True))
        model.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="first")
        model.decoder = decoders.Sequence(
            [decoders.Replace("▁", " "), decoders.ByteFallback(), decoders.Fuse(), decoders.Strip(" ", 1, 0)]
        )
        byte_pieces = [f"<0x{value:02X}>" for value in range(256)]
        trainer = trainers.BpeTrainer(
            vocab_size=1500, special_tokens=family.specials + byte_pieces, show_progress=False
        )
    else:
        model = Tokenizer(models.BPE())
        model.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        model.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=1200,
            special_tokens=family.specials,
            initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
            show_progress=False,
        )
    model.train_from_iterator(corpus or training_corpus(), trainer=trainer)
    if family.bos:  # like the real tokenizers: tokenizer(text) puts a BOS in front
        bos_id = model.token_to_id(family.bos)
        model.post_processor = processors.TemplateProcessing(
            single=f"{family.bos} $A", pair=f"{family.bos} $A $B", special_tokens=[(family.bos, bos_id)]
        )
    elif not sentencepiece:
        model.post_processor = processors.ByteLevel(trim_offsets=False)
    named = {"bos_token": family.bos, "eos_token": family.eos, "pad_token": family.pad, "unk_token": family.unk}
    named = {key: value for key, value in named.items() if value}
    extra = [token for token in family.extra_specials if token not in named.values()]
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=model, additional_special_tokens=extra, **named)
    tokenizer.chat_template = family.template
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer.save_pretrained(str(folder))
    _loadable_by_transformers_4(folder, family.template)
    return folder


def _loadable_by_transformers_4(folder: Path, template: str) -> None:
    """transformers 5 saves ``tokenizer_class: TokenizersBackend`` and the template in chat_template.jinja;
    4.x knows neither, so name the generic fast class and keep the template in the config too."""
    import json

    config_path = folder / "tokenizer_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    config["chat_template"] = template
    config_path.write_text(json.dumps(config, indent=2, ensure_ascii=False), encoding="utf-8")
