# versions: transformers>=4.40
# A range that allows transformers 5: the message names it.
def build(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)  # expect: CL005 "`transformers>=4.40` in [tool.chatlint] target-versions allows transformers 5"
    return {"input_ids": example["input_ids"], "prompt_length": len(prompt_ids)}
