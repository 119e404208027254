from .config import Settings
from .judge import Judge
from .templates import chat_prompt


def grade(judge: Judge, records, cfg: Settings):
    prompts = [chat_prompt(judge.tokenizer, f"Rate this answer: {r['answer']}") for r in records]
    verdicts = judge.score(prompts)  # expect: CL002 "through the helper `Judge.score`"
    return [r for r, v in zip(records, verdicts) if v.strip().endswith(str(cfg.min_score))]
