"""Answer every question with the engine, one prompt per question."""

from vllm import SamplingParams

from qaeval.engine import load_llm
from qaeval.prompts import wrap_chat

SYSTEM = "Answer the question about the passage."


def run(model: str, model_type: str, examples: list[dict]) -> list[str]:
    llm = load_llm(model)
    tasks = []
    for index, example in enumerate(examples):
        user = f"Passage:\n{example['story']}\n\nQuestion: {example['question']}"
        tasks.append((index, example, wrap_chat(SYSTEM, user, model_type)))
    outputs = llm.generate([task[2] for task in tasks], SamplingParams(max_tokens=64))  # expect: CL002 "returned by `wrap_chat`"
    return [output.outputs[0].text for output in outputs]
