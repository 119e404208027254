# A helper that turns special tokens off for the completions it tokenizes, but not for the prompts: rendered
# prompts handed to it get a second BOS.
def build_teacher_inputs(tokenizer, prompt_texts, completion_texts):
    prompt_ids = tokenizer(prompt_texts, add_special_tokens=True)["input_ids"]
    completion_ids = tokenizer(completion_texts, add_special_tokens=False)["input_ids"]
    return [p + c for p, c in zip(prompt_ids, completion_ids)]


def teacher_batch(teacher_tokenizer, conversations, completions):
    prompt_texts = [
        teacher_tokenizer.apply_chat_template(conv, tokenize=False, add_generation_prompt=True) for conv in conversations
    ]
    return build_teacher_inputs(teacher_tokenizer, prompt_texts, completions)  # expect: CL002 "through the helper `build_teacher_inputs` with `add_special_tokens=True`"
