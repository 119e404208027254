# A helper renders with the `tokenize` its caller asks for: callers that take its ids, or tokenize its text
# without special tokens, add no second BOS.
import torch


def get_chat_prompt(tokenizer, user_content, add_generation_prompt=False, is_tokenize=True):
    messages = [{"role": "user", "content": user_content}]
    prompt = tokenizer.apply_chat_template(
        messages, tokenize=is_tokenize, add_generation_prompt=add_generation_prompt, return_dict=False
    )
    return prompt


def generate_ids(model, tokenizer, user_prompt):
    ids = get_chat_prompt(tokenizer, user_prompt, add_generation_prompt=True)
    return model.generate(torch.tensor([ids]))


def generate_str(model, tokenizer, user_prompt):
    prompt = get_chat_prompt(tokenizer, user_prompt, add_generation_prompt=True, is_tokenize=False)
    input_ids = tokenizer(prompt, add_special_tokens=False, return_tensors="pt").input_ids
    return model.generate(input_ids)
