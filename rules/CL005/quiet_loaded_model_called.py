# The twins of flag_loaded_model_called.py: the ids asked for as a list, the encoding spread as keywords, and a
# callable that is not a loaded model.
from transformers import AutoModel, AutoProcessor, AutoTokenizer

rm = AutoModel.from_pretrained("RLHFlow/ArmoRM-Llama3-8B-v0.1", trust_remote_code=True).to("cuda")
rm_tokenizer = AutoTokenizer.from_pretrained("RLHFlow/ArmoRM-Llama3-8B-v0.1")
processor = AutoProcessor.from_pretrained("llava-hf/llava-1.5-7b-hf")


def embed(messages):
    conv = rm_tokenizer.apply_chat_template(messages, return_tensors="pt", return_dict=False)
    return rm(conv).last_hidden_state[0][-1]


def embed_encoding(messages):
    inputs = rm_tokenizer.apply_chat_template(messages, return_tensors="pt", return_dict=True)
    return rm(**inputs).last_hidden_state[0][-1]


def hook(callback, messages):
    encoded = rm_tokenizer.apply_chat_template(messages, return_tensors="pt")
    callback(encoded)
    return processor(encoded)
