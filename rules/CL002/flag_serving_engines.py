# Rendered prompts handed to a serving engine as text: vLLM and SGLang tokenize a text prompt with special tokens
# on, so a template that writes a BOS gets a second one.
import sglang as sgl
import vllm
from vllm import LLM, AsyncEngineArgs, AsyncLLMEngine, SamplingParams


def sample(llm, tokenizer, conversations):
    texts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    return llm.generate(texts, SamplingParams(max_tokens=256))  # expect: CL002 "with the serving engine's `generate` (vLLM's, SGLang's or TensorRT-LLM's), which adds special tokens to a text prompt"


class Generator:
    def __init__(self, path):
        self.engine = LLM(model=path)

    def run(self, tokenizer, conversation):
        prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.engine.generate(prompts=[prompt])  # expect: CL002 "`[prompt]` holds texts rendered by"


class LazyGenerator:
    def load(self, path):
        self.model_class = vllm.LLM(path)

    def format(self, tokenizer, conversations):
        return [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]

    def run(self, tokenizer, conversations):
        prompts = self.format(tokenizer, conversations)
        return self.model_class.generate(prompts, sampling_params=SamplingParams())  # expect: CL002 "vLLM's `LLM.generate`"


def rollout(path, tokenizer, conversation):
    engine = sgl.Engine(model_path=path)
    text = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return engine.generate(prompt=text, sampling_params={"max_new_tokens": 64})  # expect: CL002 "SGLang's `Engine.generate`"


def complete(client, tokenizer, conversation):
    # an OpenAI-compatible server (vLLM, SGLang) tokenizes a completion prompt with special tokens on
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return client.completions.create(model="served", prompt=prompt, max_tokens=64)  # expect: CL002 "a completions request to an OpenAI-compatible server"


def complete_with_stops(client, tokenizer, conversation, stop_ids):
    # the extra body's keys are all in view, and none of them turns special tokens off
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    extra_body = {"top_k": 20}
    if stop_ids:
        extra_body["stop_token_ids"] = stop_ids
    return client.completions.create(model="served", prompt=prompt, extra_body=extra_body)  # expect: CL002 "a completions request to an OpenAI-compatible server"


class AsyncServer:
    def __init__(self, path, tokenizer):
        # built by a constructor of the class, not called as the class itself
        self.engine = AsyncLLMEngine.from_engine_args(AsyncEngineArgs(model=path))
        self.tokenizer = tokenizer

    async def complete(self, conversation, request_id):
        prompt = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        async for output in self.engine.generate(prompt, SamplingParams(max_tokens=64), request_id):  # expect: CL002 "vLLM's `AsyncLLMEngine.generate`"
            yield output


def ask_server(post_completion, tokenizer, conversation, port):
    # a helper of the project handed a completions URL and the text: it sends the one to the other
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return post_completion(prompt=prompt, api_url=f"http://127.0.0.1:{port}/v1/completions", max_tokens=64)  # expect: CL002 "a raw completions request (`/v1/completions`)"
