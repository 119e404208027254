# Requests of a benchmark: a prompt (rendered with the chat template unless asked not to) and its length.
from dataclasses import dataclass


@dataclass
class SampleRequest:
    prompt: str
    expected_output_len: int


def sample_requests(rows, tokenizer, skip_chat_template=False):
    requests = []
    for row in rows:
        prompt = row["question"]
        if not skip_chat_template:
            prompt = tokenizer.apply_chat_template(
                [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
            )
        requests.append(SampleRequest(prompt=prompt, expected_output_len=row["output_len"]))
    return requests
