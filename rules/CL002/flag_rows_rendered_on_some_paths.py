# A row function that renders a conversation into the text column on one path only (trl's maybe_apply_chat_template
# does so for conversational rows; another template library or plain text on the other path): the rows of the chat
# path are tokenized again with special tokens on, and the message says it happens on at least one path.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def maybe_render(example):
    if "messages" in example:
        return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}
    return {"text": example["text"]}


def to_text(batch, conversation_template=None):
    if conversation_template is not None:
        prompt = conversation_template.get_prompt()
    else:
        prompt = tokenizer.apply_chat_template(batch["messages"][:-1], tokenize=False, add_generation_prompt=True)
    batch["prompt"] = prompt
    return batch


def tokenize(batch):
    return tokenizer(batch["text"], truncation=True)  # expect: CL002 "(on at least one path)"


def tokenize_prompts(batch):
    return tokenizer(batch["prompt"])  # expect: CL002 "stored in column `prompt` by `dataset.map(to_text)`"


def build(dataset):
    rendered = dataset.map(maybe_render).map(tokenize, batched=True)
    prompts = dataset.map(to_text).map(tokenize_prompts, batched=True)
    return rendered, prompts
