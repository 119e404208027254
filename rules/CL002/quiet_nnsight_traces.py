# nnsight traces that add no second BOS: special tokens turned off in the call (nnsight hands the keyword to the
# tokenizer), token ids traced instead of text, and a `trace` method of a class of the project's own.
from nnsight import LanguageModel


class Recorder:
    def trace(self, text):
        return [text]


def chat(lm: LanguageModel, user: str) -> str:
    messages = [{"role": "user", "content": user}]
    return lm.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def last_logits(lm: LanguageModel, prompt: str):
    with lm.trace(prompt, add_special_tokens=False):
        logits = lm.lm_head.output[:, -1, :].save()
    return logits


def traced_ids(lm: LanguageModel, messages):
    ids = lm.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    with lm.trace(ids):
        return lm.lm_head.output.save()


def main(name: str):
    lm = LanguageModel(name, device_map="auto")
    prompt = chat(lm, "What is the capital of France?")
    last_logits(lm, prompt)
    Recorder().trace(prompt)
    return traced_ids(lm, [{"role": "user", "content": "hi"}])
