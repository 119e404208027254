# A vLLM batch runner wraps each render in the prompt dict vLLM takes with images (`{"prompt": text,
# "multi_modal_data": ...}`) through a helper; vLLM encodes the dict's text with special tokens on: a second BOS on
# Llama 3.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

MODEL = "meta-llama/Llama-3.2-11B-Vision-Instruct"


def prompt_payload(prompt, images):
    return {"prompt": prompt, "multi_modal_data": {"image": images[0] if len(images) == 1 else images}}


def run(rows):
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    llm = LLM(model=MODEL)
    prompts = []
    for row in rows:
        conversation = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": row["question"]}]}]
        text = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        prompts.append(prompt_payload(text, row["images"]))
    return llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
