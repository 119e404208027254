import json

from .backends import build_backend
from .config import RunConfig
from .styles import STYLES


def main(path):
    cfg = RunConfig()
    backend = build_backend(cfg)
    render = STYLES[cfg.style](backend.tokenizer)
    with open(path) as handle:
        rows = [json.loads(line) for line in handle]
    prompts = [render(row) for row in rows]
    return backend.generate(prompts)  # expect: CL002 "(set by the default of the configuration field `RunConfig.tokenize.add_special_tokens`)"
