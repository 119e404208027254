# The twin of flag_tuples_a_helper_returns.py tokenizing the other element of the tuples the helper returns (the
# answers, plain text), and the prompts without special tokens.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google/gemma-2-9b-it")


def mcq_prompt(question):
    return tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)


def score(samples):
    def build(sample):
        return mcq_prompt(sample["question"]), sample["answer"]

    built = [build(sample) for sample in samples]
    answers = [answer for _, answer in built]
    prompts = [prompt for prompt, _ in built]
    return tokenizer(answers, padding=True)["input_ids"], tokenizer(prompts, add_special_tokens=False)["input_ids"]
