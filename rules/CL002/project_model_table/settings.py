"""The models the scoring scripts may run, by the key their `--model` option takes."""

from dataclasses import dataclass

MODELS = {
    "qwen-7b": {"checkpoint": "Qwen/Qwen2.5-7B-Instruct", "dtype": "bfloat16", "shots": 5},
    "qwen-14b": {"checkpoint": "Qwen/Qwen2.5-14B-Instruct", "dtype": "bfloat16", "shots": 3},
}

LLAMA_CHECKPOINTS = {
    "llama-8b": "meta-llama/Llama-3.1-8B-Instruct",
    "llama-3b": "meta-llama/Llama-3.2-3B-Instruct",
}


@dataclass(frozen=True)
class ModelSpec:
    repo_id: str
    max_context: int
    dtype: str = "bfloat16"


# tables of specs: the positional values fill the class's fields (`repo_id` first)
JUDGES = {
    "judge-small": ModelSpec("Qwen/Qwen2.5-1.5B-Instruct", max_context=32768),
    "judge-large": ModelSpec("Qwen/Qwen2.5-7B-Instruct", max_context=32768),
}

STUDENTS = {
    "student-1b": ModelSpec(repo_id="meta-llama/Llama-3.2-1B-Instruct", max_context=8192),
    "student-3b": ModelSpec(repo_id="meta-llama/Llama-3.2-3B-Instruct", max_context=8192),
}


def resolve_judge(alias):
    try:
        return JUDGES[alias]
    except KeyError:
        raise SystemExit(f"unknown judge {alias!r}; choose from {sorted(JUDGES)}")


def resolve_student(alias):
    return STUDENTS.get(alias)
