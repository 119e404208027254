# The twins: the ids of the pairs (not the renders) are what is tokenized, and the renders are handed on as ids.
from vllm import LLM, SamplingParams


def iter_prompts(tokenizer, rows):
    for row in rows:
        messages = [{"role": "user", "content": row["question"]}]
        yield row["question"], tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def evaluate(tokenizer, rows):
    llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
    pairs = sorted(iter_prompts(tokenizer, rows))
    questions = [question for question, _ in pairs]
    lengths = [len(tokenizer(question)["input_ids"]) for question in questions]
    ids = [tokenizer(prompt, add_special_tokens=False)["input_ids"] for _, prompt in pairs]
    return lengths, llm.generate(prompt_token_ids=ids, sampling_params=SamplingParams(max_tokens=256))
