# A pipeline stage that builds its engine wrapper in a set-up method (`self._model` is None or a given instance in
# `__init__`): the rendered prompts it hands the wrapper reach vLLM's `generate`, which adds a second BOS.
from vllm import LLM, SamplingParams


class EngineWrapper:
    def __init__(self, model: str):
        self.model = model
        self._llm = None

    def setup(self):
        self._llm = LLM(model=self.model)

    def generate(self, prompts):
        outputs = self._llm.generate(prompts, sampling_params=SamplingParams(max_tokens=512))
        return [out.outputs[0].text for out in outputs]


class CleanupStage:
    def __init__(self, model, tokenizer):
        self._model = model if isinstance(model, EngineWrapper) else None
        self._model_name = model
        self._tokenizer = tokenizer

    def setup(self):
        if self._model is None:
            self._model = EngineWrapper(self._model_name)
        self._model.setup()

    def process(self, texts):
        prompts = []
        for text in texts:
            messages = [{"role": "user", "content": f"Clean up: {text}"}]
            prompts.append(self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
        return self._model.generate(prompts)  # expect: CL002 "through the helper `EngineWrapper.generate`"
