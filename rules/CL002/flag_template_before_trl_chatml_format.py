# A module that installs a template of its own that writes the BOS, beside trl's ChatML one: its renders start with
# the BOS, and tokenizing them again adds a second one.
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import setup_chat_format

LLAMA_TEMPLATE = "{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>\n\n{{ m['content'] }}<|eot_id|>{% endfor %}"

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B")
chatml_model, chatml_tokenizer = setup_chat_format(model, AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B"))
tokenizer.chat_template = LLAMA_TEMPLATE


def reply(question):
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(prompt, return_tensors="pt")  # expect: CL002 "already starts with the template's BOS"
    return model.generate(**inputs, max_new_tokens=64)
