# The checkpoint is the settings' default, Llama 3.2, handed to the engine class: its template writes a BOS, and the
# engine's `generate` adds another.
from render import render_questions
from serving import ChatEngine
from settings import Settings


def main(questions):
    settings = Settings()
    engine = ChatEngine(settings.model_path, settings.max_tokens)
    prompts = render_questions(engine.tokenizer(), questions)
    return engine.complete(prompts)  # expect: CL002 "through the helper `ChatEngine.complete` (serving.py:15)"
