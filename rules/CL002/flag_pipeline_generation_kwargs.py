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
