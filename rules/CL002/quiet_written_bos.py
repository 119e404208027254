# The twins of flag_written_bos.py: the written prompt tokenized without special tokens, a bare BOS token looked up
# (not a prompt), a tag that is not at the start of the text, and a model's documented format handed to its processor
# or to a serving engine (whether those add a BOS again depends on the model).
from transformers import AutoProcessor, AutoTokenizer
from vllm import LLM


def llama2_prompt_ids(tokenizer, question):
    prompt = f"<s>[INST] {question} [/INST]"
    return tokenizer(prompt, add_special_tokens=False).input_ids


def bos_id(tokenizer):
    return tokenizer.convert_tokens_to_ids("<s>"), tokenizer("<s>", add_special_tokens=False)


def strike(tokenizer, text):
    return tokenizer(f"Answer: <s>{text}</s>")


def describe(checkpoint, image, question):
    processor = AutoProcessor.from_pretrained(checkpoint)
    return processor(images=[image], text=f"<s>[INST][IMG]\n{question}[/INST]", return_tensors="pt")


def generate(checkpoint, question):
    llm = LLM(checkpoint)
    return llm.generate(f"<s>[INST] {question} [/INST]")


def load(checkpoint):
    return AutoTokenizer.from_pretrained(checkpoint, bos_token="<s>")


def llama3_conversation(messages):
    # the BOS alone first, then each turn added with `+=`; tokenized without special tokens
    text = "<|begin_of_text|>"
    for message in messages:
        text += f"<|start_header_id|>{message['role']}<|end_header_id|>\n\n{message['content']}<|eot_id|>"
    return text


def encode_conversations(tokenizer, batch):
    texts = [llama3_conversation(messages) for messages in batch["messages"]]
    return tokenizer(texts, truncation=True, add_special_tokens=False)


def bos_marker(tokenizer):
    # a name bound to the BOS token that is never grown: a token looked up, not a prompt
    marker = "<|begin_of_text|>"
    return tokenizer(marker)["input_ids"]
