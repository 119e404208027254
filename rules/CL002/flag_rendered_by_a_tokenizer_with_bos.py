# The twin of quiet_rendered_by_a_tokenizer_without_bos: the prompts are rendered with a Llama 3 tokenizer, whose
# template writes `<|begin_of_text|>`, so the model's tokenizer adds a second one; and a function handed a tokenizer
# by one caller that loads Llama 3 and another that loads Qwen tokenizes a text that may start with one.
from transformer_lens import HookedTransformer
from transformers import AutoModelForCausalLM, AutoTokenizer

BASE = "/scratch/hub/models--meta-llama--Llama-3.2-1B-Instruct/snapshots/9213176"


def load_lens(path):
    hf_model = AutoModelForCausalLM.from_pretrained(path)
    return HookedTransformer.from_pretrained("meta-llama/Llama-3.2-1B-Instruct", hf_model=hf_model)


def activations(model, prompts):
    return [model.run_with_cache(model.to_tokens(prompt))[1] for prompt in prompts]


def evaluate(model_path, tokenizer, questions):
    model = AutoModelForCausalLM.from_pretrained(model_path)
    answers = []
    for question in questions:
        messages = [{"role": "user", "content": question}]
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = tokenizer(prompt, return_tensors="pt")  # expect: CL002 "adds a second BOS"
        answers.append(model.generate(**inputs, max_new_tokens=256))
    return answers


def main(checkpoint, questions):
    tokenizer = AutoTokenizer.from_pretrained(BASE)
    prompts = []
    for question in questions:
        messages = [{"role": "user", "content": question}]
        prompts.append(tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
    before = activations(load_lens(BASE), prompts)  # expect: CL002 "TransformerLens"
    after = activations(load_lens(checkpoint), prompts)  # expect: CL002 "through the helper `activations`"
    baseline = evaluate(checkpoint, AutoTokenizer.from_pretrained("Qwen/Qwen2.5-1.5B-Instruct"), questions)
    return before, after, baseline, evaluate(checkpoint, tokenizer, questions)
