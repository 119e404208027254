# The twins of flag_written_bos_to_engines.py done right: the engine told not to add special tokens, the written
# prompt tokenized without them and handed over as token ids, and a tuple element that is not the prompt.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt

SYSTEM = "You are a helpful assistant."


def llama3_prompt(question):
    return (
        f"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n{SYSTEM}<|eot_id|>"
        f"<|start_header_id|>user<|end_header_id|>\n\n{question}<|eot_id|>"
        f"<|start_header_id|>assistant<|end_header_id|>\n\n"
    )


def answer_all(checkpoint, questions):
    llm = LLM(model=checkpoint)
    tasks = [(index, question, llama3_prompt(question)) for index, question in enumerate(questions)]
    params = SamplingParams(max_tokens=64)
    return llm.generate(
        [task[2] for task in tasks], params, tokenization_kwargs={"add_special_tokens": False}
    ), llm.generate([task[1] for task in tasks], params)


def answer_ids(checkpoint, question):
    llm = LLM(model=checkpoint)
    tokenizer = AutoTokenizer.from_pretrained(checkpoint)
    ids = tokenizer(llama3_prompt(question), add_special_tokens=False)["input_ids"]
    return llm.generate(TokensPrompt(prompt_token_ids=ids), SamplingParams(max_tokens=64))
