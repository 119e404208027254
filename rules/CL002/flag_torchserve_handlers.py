# A TorchServe handler: `BaseHandler.handle` hands `inference` what `preprocess` returns, so the text rendered there
# reaches the engine's `generate`, which adds a second BOS.
from transformers import AutoTokenizer
from ts.torch_handler.base_handler import BaseHandler
from vllm import LLM, SamplingParams


class ChatHandler(BaseHandler):
    def initialize(self, ctx):
        self._tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
        self._llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")

    def preprocess(self, data):
        messages = data[0].get("body").get("messages")
        prompt = self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return {"prompt": prompt, "temperature": 0.1}

    def inference(self, data):
        prompts = [data["prompt"]] * 2
        outputs = self._llm.generate(prompts, SamplingParams(temperature=data["temperature"]))  # expect: CL002 "by TorchServe's `BaseHandler.handle`, from `self.preprocess`"
        return [output.outputs[0].text for output in outputs]
