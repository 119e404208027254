# Quiet: the engine loads Qwen 2.5, whose ChatML template writes no BOS.
from render import render_questions
from serving import ChatEngine


def main(questions):
    engine = ChatEngine("Qwen/Qwen2.5-7B-Instruct")
    prompts = render_questions(engine.tokenizer(), questions)
    return engine.complete(prompts)
