# Answers questions with the model and tokenizer its caller loads: the only script that does loads Qwen2.5, whose
# template writes no BOS, so tokenizing the rendered prompt with special tokens adds none.
SYSTEM_PROMPT = "Answer with a single number."


def build_prompt(tokenizer, question):
    messages = [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def answer(model, tokenizer, question, max_new_tokens=64):
    inputs = tokenizer(build_prompt(tokenizer, question), return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=max_new_tokens)
    return tokenizer.decode(output[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)
