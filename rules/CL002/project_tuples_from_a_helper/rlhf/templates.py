def to_reward_template(prompt: str, response: str, rm_tokenizer):
    messages = [{"role": "user", "content": prompt}]
    prompt_text = rm_tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return prompt_text, response
