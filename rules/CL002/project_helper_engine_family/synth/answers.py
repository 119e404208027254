from .config import Settings
from .engines import Engine
from .templates import chat_prompt


def generate_answers(engine: Engine, questions, cfg: Settings):
    prompts = [chat_prompt(engine.tokenizer, question) for question in questions]
    answers = engine.complete(prompts, temperature=0.8)
    return [{"question": q, "answer": a} for q, a in zip(questions, answers)]
