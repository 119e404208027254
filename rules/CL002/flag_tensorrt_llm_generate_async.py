# A streaming server on TensorRT-LLM: each request's render is handed to `LLM.generate_async`, which encodes the
# prompt as `generate` does, with special tokens on unless its `SamplingParams` say otherwise: a second BOS on
# Llama 3.
from tensorrt_llm import LLM, SamplingParams
from transformers import AutoTokenizer


class Server:
    def setup(self):
        self.tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
        self.llm = LLM(model="meta-llama/Llama-3.1-8B-Instruct")
        self.sampling_params = SamplingParams(temperature=0.6, max_tokens=1024)

    async def stream(self, prompt):
        text = self.text_from_prompt(prompt)
        async for output in self.llm.generate_async(text, self.sampling_params, streaming=True):  # expect: CL002 "rendered by `self.tokenizer.apply_chat_template(..., tokenize=False)`"
            yield output.outputs[0].text_diff

    def text_from_prompt(self, prompt):
        return self.tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)
