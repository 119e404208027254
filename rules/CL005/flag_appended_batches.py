# Renders appended one by one to a local list (or gathered by a list comprehension) that is then handed on as a
# batch of id lists: vLLM's `prompt_token_ids=` and mlx-lm's `batch_generate` (with a tokenizer of transformers' own).
from mlx_lm import batch_generate, load
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams


def score_prompts(conversations):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
    batch = []
    for conversation in conversations:
        ids = tokenizer.apply_chat_template(conversation, add_generation_prompt=True)  # expect: CL005 "`prompt_token_ids=batch`, a batch of id lists"
        batch.append(ids)
    return llm.generate(prompt_token_ids=batch, sampling_params=SamplingParams(max_tokens=64))


def synthesize(topics):
    model, _ = load("mlx-community/Llama-3.2-3B-Instruct-4bit")
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")
    prompts = []
    for topic in topics:
        messages = [{"role": "user", "content": f"Write a question about {topic}."}]
        prompts.append(tokenizer.apply_chat_template(messages, add_generation_prompt=True))  # expect: CL005 "the prompts of mlx-lm's `batch_generate(model, tokenizer, prompts"
    return batch_generate(model, tokenizer, prompts, max_tokens=128)


def answer_all(questions):
    model, _ = load("mlx-community/Llama-3.2-3B-Instruct-4bit")
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")
    prompts = [
        tokenizer.apply_chat_template([{"role": "user", "content": q}], add_generation_prompt=True)  # expect: CL005 "the prompts of mlx-lm's `batch_generate(model, tokenizer, prompts"
        for q in questions
    ]
    return batch_generate(model, tokenizer, prompts, max_tokens=128)
