# The learner is handed its actor (built elsewhere): the parameter's annotation says which class it is, so the
# rendered prompts it passes to `Actor.generate` reach the engine with a second BOS.
from transformers import AutoTokenizer

from actors import Actor


class Learner:
    def __init__(self, actor: Actor, model: str):
        self.actor = actor
        self.tokenizer = AutoTokenizer.from_pretrained(model)

    def rollout(self, conversations, params):
        prompts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.actor.generate(prompts, params)  # expect: CL002 "through the helper `Actor.generate` (actors.py:11)"

    def rollout_ids(self, conversations, params):
        ids = [self.tokenizer.apply_chat_template(c, add_generation_prompt=True, return_dict=False) for c in conversations]
        return self.actor.generate_ids(ids, params)


def evaluate(actor: Actor | None, tokenizer, conversations, params):
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    return actor.generate(prompts, params)  # expect: CL002 "through the helper `Actor.generate`"


def evaluate_documents(actor: Actor, documents, params):
    return actor.generate(documents, params)
