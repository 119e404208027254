# Two small Phi models answer the same prompts: the templates of Phi-4-mini-instruct and Phi-3.5-mini-instruct
# start each message with its role (`<|user|>`) and write no BOS, so tokenizing the render with special tokens on
# adds the only one.
from transformers import AutoModelForCausalLM, AutoTokenizer

PHI_4_MINI = "microsoft/Phi-4-mini-instruct"


def load_phi_4():
    return AutoTokenizer.from_pretrained(PHI_4_MINI), AutoModelForCausalLM.from_pretrained(PHI_4_MINI)


def load_phi_3_5():
    return (
        AutoTokenizer.from_pretrained("microsoft/Phi-3.5-mini-instruct"),
        AutoModelForCausalLM.from_pretrained("microsoft/Phi-3.5-mini-instruct"),
    )


def answer(tokenizer, model, questions):
    for question in questions:
        prompt = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        batch = tokenizer(prompt, return_tensors="pt")
        yield tokenizer.decode(model.generate(**batch, max_new_tokens=64)[0], skip_special_tokens=True)
