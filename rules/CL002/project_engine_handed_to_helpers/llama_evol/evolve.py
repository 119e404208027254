from .backend import VLLMBackend
from .config import EvolConfig
from .prompts import MutationPrompter


def evolve_one(seed, prompter, engine, rounds):
    current = seed
    for _ in range(rounds):
        current = engine.complete(prompter.render(current))  # expect: CL002 "through the helper `VLLMBackend.complete`"
    return current


def run(seeds):
    cfg = EvolConfig()
    engine = VLLMBackend(cfg)
    prompter = MutationPrompter(engine.tokenizer)
    return [evolve_one(seed, prompter, engine, cfg.rounds) for seed in seeds]
