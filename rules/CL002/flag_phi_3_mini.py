# The twin of quiet_phi_4_family.py with Phi-3-mini-4k-instruct, whose chat template began with `{{ bos_token }}`
# in earlier revisions (fine-tunes still carry it): the analysis cannot tell, and the render is tokenized again with
# special tokens on.
from transformers import AutoModelForCausalLM, AutoTokenizer


def answer(questions):
    tokenizer = AutoTokenizer.from_pretrained("microsoft/Phi-3-mini-4k-instruct")
    model = AutoModelForCausalLM.from_pretrained("microsoft/Phi-3-mini-4k-instruct")
    for question in questions:
        prompt = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        batch = tokenizer(prompt, return_tensors="pt")  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
        yield tokenizer.decode(model.generate(**batch, max_new_tokens=64)[0], skip_special_tokens=True)
