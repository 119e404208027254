# The twins: the handler cuts the BOS off the ids before decoding them, or hands the engine token ids; and a class that
# is not a TorchServe handler, whose `inference` is given something else.
from transformers import AutoTokenizer
from ts.torch_handler.base_handler import BaseHandler
from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt


class ChatHandler(BaseHandler):
    def initialize(self, ctx):
        self._tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
        self._llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")

    def preprocess(self, data):
        messages = data[0].get("body").get("messages")
        ids = self._tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        return {"prompt": self._tokenizer.decode(ids[1:])}

    def inference(self, data):
        return self._llm.generate([data["prompt"]], SamplingParams(max_tokens=64))


class TokenHandler(BaseHandler):
    def initialize(self, ctx):
        self._tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
        self._llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")

    def preprocess(self, data):
        messages = data[0].get("body").get("messages")
        return {"ids": self._tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)}

    def inference(self, data):
        return self._llm.generate([TokensPrompt(prompt_token_ids=data["ids"])], SamplingParams(max_tokens=64))


class Pipeline:
    def __init__(self):
        self._tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
        self._llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")

    def preprocess(self, messages):
        return {"prompt": self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)}

    def inference(self, data):
        return self._llm.generate([data["prompt"]], SamplingParams(max_tokens=64))
