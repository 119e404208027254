"""Complete plain prompts (no chat template) with the model the configuration names."""

from evalkit.models import load_model


def run(cfg, questions):
    model = load_model(cfg["model"], cfg)
    return [model.generate(f"Question: {question}\nAnswer:") for question in questions]
