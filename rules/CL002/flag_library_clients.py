# A rendered prompt handed to libraries that tokenize it again with the model's BOS: LangChain's
# `HuggingFacePipeline` (a transformers text-generation pipeline under it), TGI's own Python client
# (`text_generation.Client`), and Ollama's `generate` without `raw=True` (it puts the prompt in the model's template).
import ollama
from langchain_huggingface import HuggingFacePipeline
from text_generation import AsyncClient, Client
from transformers import AutoTokenizer, pipeline

CHECKPOINT = "meta-llama/Meta-Llama-3-8B-Instruct"
tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
reader = HuggingFacePipeline(pipeline=pipeline("text-generation", model=CHECKPOINT, tokenizer=tokenizer))
judge = HuggingFacePipeline.from_model_id(model_id=CHECKPOINT, task="text-generation")
server = Client("http://localhost:8080")
async_server = AsyncClient("http://localhost:8080")


def chat_prompt(messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def answer(messages):
    return reader.invoke(chat_prompt(messages))  # expect: CL002 "LangChain's `HuggingFacePipeline`"


def grade(batches):
    return judge.batch([chat_prompt(messages) for messages in batches])  # expect: CL002 "HuggingFacePipeline"


def answer_remote(messages):
    return server.generate(chat_prompt(messages), max_new_tokens=256).generated_text  # expect: CL002 "TGI server"


async def stream_remote(messages):
    async for response in async_server.generate_stream(chat_prompt(messages), max_new_tokens=256):  # expect: CL002 "TGI"
        yield response.token.text


def answer_local(messages):
    return ollama.generate(model="llama3", prompt=chat_prompt(messages))["response"]  # expect: CL002 "Ollama's `generate`"


class OllamaBackend:
    def __init__(self, host):
        self.client = ollama.Client(host=host)

    def complete(self, messages):
        prompt = chat_prompt(messages)
        return self.client.generate("llama3", prompt, options={"num_ctx": 8192})["response"]  # expect: CL002 "Ollama"
