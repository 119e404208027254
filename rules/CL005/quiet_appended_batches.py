# The twins: each render appended as a list of ids (`return_dict=False`, or its `input_ids`), and a local list of
# renders that is only counted; a comprehension of id lists handed to mlx-lm's `batch_generate`.
from mlx_lm import batch_generate, load
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams


def score_prompts(conversations):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
    batch = []
    encodings = []
    for conversation in conversations:
        batch.append(tokenizer.apply_chat_template(conversation, add_generation_prompt=True, return_dict=False))
        encodings.append(tokenizer.apply_chat_template(conversation, add_generation_prompt=True))
    print(f"{len(encodings)} prompts, first has {len(encodings[0]['input_ids'])} tokens")
    return llm.generate(prompt_token_ids=batch, sampling_params=SamplingParams(max_tokens=64))


def answer_all(questions):
    model, _ = load("mlx-community/Llama-3.2-3B-Instruct-4bit")
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")
    prompts = [
        tokenizer.apply_chat_template([{"role": "user", "content": q}], add_generation_prompt=True, return_dict=False)
        for q in questions
    ]
    return batch_generate(model, tokenizer, prompts, max_tokens=128)
