# Prompts built by a helper that returns each render with its answer (`return render(...), sample["answer"]`),
# gathered in a list and taken apart again (`[p for p, _ in built]`), then tokenized with special tokens on.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google/gemma-2-9b-it")


def mcq_prompt(question, options):
    text = question + "\n" + "\n".join(f"{letter}. {option}" for letter, option in sorted(options.items()))
    return tokenizer.apply_chat_template([{"role": "user", "content": text}], tokenize=False, add_generation_prompt=True)


def score(samples):
    def build(sample):
        return mcq_prompt(sample["question"], sample["options"]), sample["answer"]

    built = [build(sample) for sample in samples]
    prompts = [prompt for prompt, _ in built]
    answers = [answer for _, answer in built]
    return tokenizer(prompts, padding=True, return_tensors="pt"), answers  # expect: CL002 "returned by `score.build`"
