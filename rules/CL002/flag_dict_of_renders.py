# Renders kept in a dict by a key (`prompts = {p["id"]: render(p) for p in problems}`): one value read by its key is
# a render, here tokenized again with special tokens on to score a completion.
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL = "google/gemma-2-2b-it"


def perplexities(problems, chains):
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    model = AutoModelForCausalLM.from_pretrained(MODEL)
    prompts = {
        problem["id"]: tokenizer.apply_chat_template(
            [{"role": "user", "content": problem["question"]}], tokenize=False, add_generation_prompt=True
        )
        for problem in problems
    }

    def completion_loss(prompt_text, completion_text):
        full_ids = tokenizer(prompt_text + completion_text, return_tensors="pt")["input_ids"]
        return model(full_ids, labels=full_ids).loss

    return [completion_loss(prompts[problem["id"]], chain) for problem in problems for chain in chains[problem["id"]]]  # expect: CL002 "`prompts[problem[\"id\"]]` is rendered by"
