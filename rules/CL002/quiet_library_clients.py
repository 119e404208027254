# The twins of flag_library_clients.py: Ollama given the rendered prompt with `raw=True` (no template of its own),
# LangChain's pipeline and TGI's client given plain documents, and Ollama given the messages' last question.
import ollama
from langchain_huggingface import HuggingFacePipeline
from text_generation import Client
from transformers import AutoTokenizer, pipeline

CHECKPOINT = "meta-llama/Meta-Llama-3-8B-Instruct"
tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
reader = HuggingFacePipeline(pipeline=pipeline("text-generation", model=CHECKPOINT, tokenizer=tokenizer))
server = Client("http://localhost:8080")


def chat_prompt(messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def answer_raw(messages):
    return ollama.generate(model="llama3", prompt=chat_prompt(messages), raw=True)["response"]


def summarize(document):
    return reader.invoke(f"Summarize:\n{document}")


def continue_text(document):
    return server.generate(document, max_new_tokens=64).generated_text


def ask(messages):
    return ollama.generate(model="llama3", prompt=messages[-1]["content"])["response"]
