# A module that loads LLaVA-OneVision (no BOS in its template) or LLaVA 1.5, whichever the checkpoint is: its imports
# name a model class of a family not known, so they do not make the module BOS-free.
from transformers import AutoProcessor, LlavaForConditionalGeneration, LlavaOnevisionForConditionalGeneration

MODELS = {"llava": LlavaForConditionalGeneration, "llava_onevision": LlavaOnevisionForConditionalGeneration}


def load(kind, checkpoint):
    return MODELS[kind].from_pretrained(checkpoint), AutoProcessor.from_pretrained(checkpoint)


def contexts(tokenizer, chats):
    texts = [tokenizer.apply_chat_template(chat, add_generation_prompt=True, tokenize=False) for chat in chats]
    return tokenizer(texts, return_tensors="pt", padding=True)  # expect: CL002 "holds texts rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
