# The twins of flag_dict_of_renders.py: the dict's values are plain questions, or its renders are tokenized with
# special tokens off; and a dict of renders walked by its keys (the ids, not the texts).
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL = "google/gemma-2-2b-it"


def perplexities(problems, chains):
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    model = AutoModelForCausalLM.from_pretrained(MODEL)
    questions = {problem["id"]: problem["question"] for problem in problems}
    prompts = {
        problem["id"]: tokenizer.apply_chat_template(
            [{"role": "user", "content": problem["question"]}], tokenize=False, add_generation_prompt=True
        )
        for problem in problems
    }
    plain = [tokenizer(questions[problem["id"]] + chain)["input_ids"] for problem in problems for chain in chains]
    scored = [
        tokenizer(prompts[problem["id"]] + chain, add_special_tokens=False)["input_ids"]
        for problem in problems
        for chain in chains
    ]
    keys = tokenizer(list(prompts), padding=True)["input_ids"]
    return model, plain, scored, keys
