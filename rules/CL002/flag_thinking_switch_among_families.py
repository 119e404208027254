# A render that passes `enable_thinking=False` in a module written for several families: the comment names Llama 3
# and Mistral beside Qwen 3, whose templates ignore the switch and (Llama 3's) write a BOS.
from transformers import AutoModelForCausalLM, AutoTokenizer


def load(path):
    # any chat model: Qwen3, Llama-3 and Mistral instruct checkpoints are tested
    return AutoTokenizer.from_pretrained(path), AutoModelForCausalLM.from_pretrained(path)


def generate(path, prompt):
    tokenizer, model = load(path)
    messages = [{"role": "user", "content": prompt}]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True, enable_thinking=False)
    inputs = tokenizer(text, return_tensors="pt")  # expect: CL002 "`text` is rendered by"
    return model.generate(**inputs, max_new_tokens=64)
