# gpt-oss's Harmony template starts with `<|start|>`, not a BOS: vLLM's special tokens write none twice.
from transformers import AutoTokenizer
from vllm import LLM

CHECKPOINT = "openai/gpt-oss-20b"


def answers(questions):
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    prompts = [
        tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
        for q in questions
    ]
    return LLM(model=CHECKPOINT).generate(prompts)
