# The code turns the tokenizer's BOS off around the call when the template already writes one: the text keeps the
# template's BOS only.
from transformers import AutoTokenizer


class Gemma3Runner:
    def preprocess(self, processor, conversation, image):
        text_prompt = processor.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)
        add_bos = processor.tokenizer.add_bos_token
        if "bos_token" in processor.tokenizer.chat_template:
            processor.tokenizer.add_bos_token = False
        inputs = processor(images=image, text=text_prompt, return_tensors="pt")
        processor.tokenizer.add_bos_token = add_bos
        return inputs


def encode_prompt(tokenizer, messages):
    text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    tokenizer.add_bos_token = False
    return tokenizer(text, return_tensors="pt")


def decode_prompt(model_path, conversation):
    # no BOS token at all: the template's `{{ bos_token }}` renders nothing and the tokenizer adds none
    tokenizer = AutoTokenizer.from_pretrained(model_path)
    tokenizer.bos_token = None
    text = tokenizer.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)
    return tokenizer(text, return_tensors="pt")
