from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from steer.backends.base import ModelBackend, ScoringBackend


def response_ids(backend: "ModelBackend", tokenizer, messages):
    prompt_text = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
    full_text = tokenizer.apply_chat_template(messages, tokenize=False)
    prompt_ids = backend.tokenize(prompt_text)
    full_ids = backend.tokenize(full_text)  # expect: CL002 "`full_text` and the prompt `prompt_text` are both rendered by"
    return full_ids[:, prompt_ids.shape[1] :]


def scored_ids(scorer: "ScoringBackend", tokenizer, messages):
    return scorer.encode(tokenizer.apply_chat_template(messages, tokenize=False))
