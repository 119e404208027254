# A text-generation pipeline called with a rendered prompt and the caller's generation settings spread in
# (`**gen_kwargs`): settings for `generate`, not how the prompt is tokenized, so the pipeline adds special tokens to
# the text as it does by default, a second BOS.
import transformers
from transformers import AutoTokenizer


class ChatModel:
    def __init__(self, checkpoint, **generation):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.pipe = transformers.pipeline("text-generation", model=checkpoint, tokenizer=self.tokenizer)
        self.generation_kwargs = generation

    def reply(self, messages, **overrides):
        gen_kwargs = {**self.generation_kwargs, **overrides}
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.pipe(prompt, **gen_kwargs)[0]["generated_text"]  # expect: CL002 "a transformers `text-generation` pipeline"

    def reply_with(self, messages, **pipeline_kwargs):
        # the caller's keywords may hold `add_special_tokens`: not judged
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.pipe(prompt, **pipeline_kwargs)[0]["generated_text"]


class LazyProvider:
    """The pipeline built on first use by a method that returns it, and the settings built by another."""

    def __init__(self, checkpoint):
        self.checkpoint = checkpoint
        self._pipeline = None

    def _ensure_pipeline(self):
        if self._pipeline is None:
            self._pipeline = transformers.pipeline("text-generation", model=self.checkpoint)
        return self._pipeline

    def _generate_kwargs(self):
        return {"max_new_tokens": 256, "return_full_text": False}

    def complete(self, messages):
        pipe = self._ensure_pipeline()
        prompt = pipe.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return pipe(prompt, **self._generate_kwargs())[0]["generated_text"]  # expect: CL002 "`text-generation` pipeline"


class GenerationTask:
    """The caller's `**kwargs` read here for generation settings (`max_new_tokens`): what else they hold goes to
    `generate` too, not to how the prompt is tokenized."""

    def __init__(self, checkpoint):
        self.pipeline = transformers.pipeline(model=checkpoint)
        self.tokenizer = self.pipeline.tokenizer

    def generate(self, messages, **kwargs):
        max_new_tokens = kwargs.pop("max_new_tokens", 256)
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.pipeline(prompt, max_new_tokens=max_new_tokens, **kwargs)  # expect: CL002 "`text-generation` pipeline"
