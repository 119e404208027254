# Probes that render prompts with a tokenizer loaded from a Qwen checkpoint (a local snapshot of it), then run them
# through a model loaded from a path the code does not name. The ChatML template writes no BOS, so the texts start
# with none: the model's tokenizer adds the only one. Also through a function handed that tokenizer by every caller.
from transformer_lens import HookedTransformer
from transformers import AutoModelForCausalLM, AutoTokenizer

BASE = "/scratch/hub/models--Qwen--Qwen2.5-Math-1.5B-Instruct/snapshots/aafeb0f"


def load_lens(path):
    hf_model = AutoModelForCausalLM.from_pretrained(path)
    return HookedTransformer.from_pretrained("Qwen/Qwen2.5-1.5B-Instruct", hf_model=hf_model)


def activations(model, prompts):
    return [model.run_with_cache(model.to_tokens(prompt))[1] for prompt in prompts]


def evaluate(model_path, tokenizer, questions):
    model = AutoModelForCausalLM.from_pretrained(model_path)
    answers = []
    for question in questions:
        messages = [{"role": "user", "content": question}]
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = tokenizer(prompt, return_tensors="pt")
        answers.append(model.generate(**inputs, max_new_tokens=256))
    return answers


def main(checkpoint, questions):
    tokenizer = AutoTokenizer.from_pretrained(BASE)
    prompts = []
    for question in questions:
        messages = [{"role": "user", "content": question}]
        prompts.append(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
    before = activations(load_lens(BASE), prompts)
    after = activations(load_lens(checkpoint), prompts)
    return before, after, evaluate(checkpoint, tokenizer, questions)
