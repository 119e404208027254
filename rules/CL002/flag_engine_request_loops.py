# A serving loop that steps vLLM's engine itself: a rendered prompt handed over by `add_request` is tokenized with
# special tokens on, as `generate` would.
from transformers import AutoTokenizer
from vllm import EngineArgs, LLMEngine, SamplingParams


def serve(model_id, conversations):
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    engine = LLMEngine.from_engine_args(EngineArgs(model=model_id))
    for number, messages in enumerate(conversations):
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        engine.add_request(str(number), prompt, SamplingParams(max_tokens=256))  # expect: CL002 "`prompt` is rendered by"
    finished = []
    while engine.has_unfinished_requests():
        finished.extend(output for output in engine.step() if output.finished)
    return finished


class Streamer:
    def __init__(self, llm, tokenizer, sampling_params):
        self.llm = llm
        self.tokenizer = tokenizer
        self.sampling_params = sampling_params

    def stream(self, messages):
        inputs = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        self.llm._validate_and_add_requests(prompts=inputs, params=self.sampling_params, lora_request=None)  # expect: CL002 "`inputs` is rendered by"
        while self.llm.llm_engine.has_unfinished_requests():
            yield from self.llm.llm_engine.step()
