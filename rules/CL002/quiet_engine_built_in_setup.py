# The twin: the wrapper the stage builds in its set-up method hands the engine ids tokenized with special tokens off
# (the other wrapper of the module, which hands it text, is not the one built).
from vllm import LLM, SamplingParams


class TextEngine:
    def __init__(self, model: str):
        self._llm = LLM(model=model)

    def generate(self, prompts):
        return self._llm.generate(prompts, sampling_params=SamplingParams(max_tokens=512))


class IdsEngine:
    def __init__(self, model: str, tokenizer):
        self._llm = LLM(model=model)
        self._tokenizer = tokenizer

    def generate(self, prompts):
        ids = [self._tokenizer(prompt, add_special_tokens=False)["input_ids"] for prompt in prompts]
        return self._llm.generate(prompt_token_ids=ids)


class CleanupStage:
    def __init__(self, model_name, tokenizer):
        self._model = None
        self._model_name = model_name
        self._tokenizer = tokenizer

    def setup(self):
        self._model = IdsEngine(self._model_name, self._tokenizer)

    def process(self, texts):
        prompts = [
            self._tokenizer.apply_chat_template([{"role": "user", "content": t}], tokenize=False, add_generation_prompt=True)
            for t in texts
        ]
        return self._model.generate(prompts)
