# A script that gets its backend from the factory, which is annotated to return the abstract base: what it builds
# is a subclass, and the one in the folder that tokenizes (HFBackend) adds the BOS again. The scorer's subclass
# turns special tokens off: quiet.
from backends.base import build_backend, build_scorer


async def answer(kind, tokenizer, model, conversations):
    backend = build_backend(kind, tokenizer, model)
    replies = []
    for conversation in conversations:
        prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        replies.append(await backend.generate(prompt))  # expect: CL002 "`HFBackend.generate`"
    return replies


def rate(tokenizer, model, conversation):
    scorer = build_scorer("tokens", tokenizer, model)
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return scorer.score(prompt)
