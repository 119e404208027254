# The (id, prompt) pairs a generator yields, kept in a list first (`pairs = list(iter_prompts(...))`), then taken
# apart: the rendered prompts go to vLLM as text.
from vllm import LLM, SamplingParams


def iter_prompts(tokenizer, rows):
    for row in rows:
        messages = [{"role": "user", "content": row["question"]}]
        yield row["id"], tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def evaluate(tokenizer, rows):
    llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
    pairs = list(iter_prompts(tokenizer, rows))
    ids = [example_id for example_id, _ in pairs]
    prompts = [prompt for _, prompt in pairs]
    outputs = llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "`prompts` holds texts rendered by"
    return dict(zip(ids, outputs))
