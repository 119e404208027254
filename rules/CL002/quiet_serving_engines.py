# The twins of flag_serving_engines.py: engines given token ids or the conversation itself, an engine for a model
# whose template writes no BOS, and `generate` methods that are not a serving engine's.
import argparse

from transformers import AutoTokenizer
from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt


def sample_ids(llm, tokenizer, conversations):
    ids = [tokenizer.apply_chat_template(c, add_generation_prompt=True, return_dict=False) for c in conversations]
    return llm.generate([TokensPrompt(prompt_token_ids=x) for x in ids], SamplingParams(max_tokens=256))


def sample_chat(llm, conversations):
    return llm.chat(conversations, SamplingParams(max_tokens=256))


def sample_plain(llm, documents):
    # documents that never went through a chat template need the BOS the engine adds
    return llm.generate(documents, SamplingParams(max_tokens=256))


class Client:
    def __init__(self, endpoint):
        self.api = RemoteCompletions(endpoint)

    def run(self, tokenizer, conversation):
        # a completion client of the project's own: what it does with the text is not known here
        prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.api.generate(prompt)


class RemoteCompletions:
    def __init__(self, endpoint):
        self.endpoint = endpoint

    def generate(self, prompt):
        return {"endpoint": self.endpoint, "prompt": prompt}


def judge():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_path", default="Qwen/Qwen3-4B")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_path)
    llm = LLM(model=args.model_path)
    text = tokenizer.apply_chat_template([{"role": "user", "content": "Hi"}], tokenize=False, add_generation_prompt=True)
    # Qwen's ChatML template writes no BOS: the engine's own adds none either
    return llm.generate([text], SamplingParams(max_tokens=8))
