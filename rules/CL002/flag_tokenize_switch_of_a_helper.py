# A helper renders with the `tokenize` its caller asks for; a caller asks for text and tokenizes it again.
def get_chat_prompt(tokenizer, user_content, add_generation_prompt=False, is_tokenize=True):
    messages = [{"role": "user", "content": user_content}]
    prompt = tokenizer.apply_chat_template(
        messages, tokenize=is_tokenize, add_generation_prompt=add_generation_prompt, return_dict=False
    )
    return prompt


def generate_str(model, tokenizer, user_prompt):
    prompt = get_chat_prompt(tokenizer, user_prompt, add_generation_prompt=True, is_tokenize=False)
    input_ids = tokenizer(prompt, return_tensors="pt").input_ids  # expect: CL002 "(with `is_tokenize=False` passed), returned by `get_chat_prompt`"
    return model.generate(input_ids)
