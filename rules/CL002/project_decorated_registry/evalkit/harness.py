"""Answer chat conversations with the model the configuration names."""

from transformers import AutoTokenizer

from evalkit.models import load_model


def run(cfg, conversations):
    tokenizer = AutoTokenizer.from_pretrained(cfg["checkpoint"])
    model = load_model(cfg["model"], cfg)
    answers = []
    for messages in conversations:
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        answers.append(model.generate(prompt))  # expect: CL002 "through the helper `HFModel.generate`"
    return answers
