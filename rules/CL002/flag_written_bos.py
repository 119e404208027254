# A prompt written by hand in a model's own format, starting with its BOS token (`<s>[INST] ...`, `<|begin_of_text|>`),
# tokenized with special tokens on: the tokenizer puts its own BOS in front of the one in the text.
from transformers import AutoTokenizer

SYSTEM = "You are a helpful assistant."


def llama2_prompt_ids(tokenizer, question):
    prompt = f"<s>[INST] <<SYS>>\n{SYSTEM}\n<</SYS>>\n\n{question} [/INST]"
    return tokenizer(prompt, return_tensors="pt").input_ids  # expect: CL002 "written with the BOS token `<s>` at its start"


class Reranker:
    def __init__(self, checkpoint):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.template = "<s>[INST] Is the document relevant to the query?\nQuery: {query}\nDocument: {text} [/INST]"

    def encode(self, pairs):
        prompts = [self.template.format(query=query, text=text) for query, text in pairs]
        return self.tokenizer(prompts, padding=True)  # expect: CL002 "holds texts written with the BOS token `<s>`"


def llama3_ids(tokenizer, body):
    return tokenizer.encode("<|begin_of_text|>" + body)  # expect: CL002 "`<|begin_of_text|>`"


def llama3_conversation(messages):
    # the BOS alone first, then each turn added with `+=`: the text starts with the BOS
    text = "<|begin_of_text|>"
    for message in messages:
        text += f"<|start_header_id|>{message['role']}<|end_header_id|>\n\n{message['content']}<|eot_id|>"
    return text


def encode_conversations(tokenizer, batch):
    texts = [llama3_conversation(messages) for messages in batch["messages"]]
    return tokenizer(texts, truncation=True, max_length=2048)  # expect: CL002 "written with the BOS token `<|begin_of_text|>` at its start (`text = \"<|begin_of_text|>\"`)"
