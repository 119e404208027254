# The twin of flag_vllm_prompt_dict_helper.py: the helper hands vLLM the conversation itself (`llm.chat` renders it
# once), and a row dict with a prompt and a completion is training data, not a prompt vLLM encodes.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

MODEL = "meta-llama/Llama-3.2-11B-Vision-Instruct"


def chat_payload(conversation):
    return {"messages": conversation}


def training_row(prompt, completion):
    return {"prompt": prompt, "completion": completion}


def run(rows):
    llm = LLM(model=MODEL)
    conversations = [chat_payload([{"role": "user", "content": row["question"]}])["messages"] for row in rows]
    return llm.chat(conversations, SamplingParams(max_tokens=256))


def build_rows(rows):
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    records = []
    for row in rows:
        text = tokenizer.apply_chat_template([{"role": "user", "content": row["question"]}], tokenize=False, add_generation_prompt=True)
        records.append(training_row(text, row["answer"]))
    return records
