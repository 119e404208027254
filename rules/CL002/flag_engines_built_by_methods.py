# An engine kept on `self` that a method builds (`self.model = self._create_model(name)`), set in a base class of the
# module and overridden by a subclass; a renderer kept on `self` by the base class's `__init__`.
from vllm import LLM
from vllm.v1.engine.async_llm import AsyncEngineArgs, AsyncLLM


class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def prompt_for(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class OfflineRunner:
    def __init__(self, tokenizer, name):
        self.builder = PromptBuilder(tokenizer)
        self.model = self._create_model(name)

    def _create_model(self, name):
        model = LLM(model=name)
        return model

    def run(self, messages):
        return self.model.generate(self.builder.prompt_for(messages))  # expect: CL002 "vLLM's `LLM.generate`"


class StreamingRunner(OfflineRunner):
    def _create_model(self, name):
        return AsyncLLM.from_engine_args(AsyncEngineArgs(model=name))

    async def run_one(self, messages, index):
        prompt = self.builder.prompt_for(messages)
        return self.model.generate(request_id=str(index), prompt=prompt, sampling_params=None)  # expect: CL002 "vLLM's `AsyncLLM.generate`"


class UnwrappingRunner(OfflineRunner):
    def run_raw(self, messages, sampling_params):
        # the engine a wrapper holds, or the model itself: `getattr`'s default is the vLLM engine
        raw_llm = getattr(self.model, "llm", self.model)
        return raw_llm.generate([self.builder.prompt_for(messages)], sampling_params)  # expect: CL002 "vLLM's `LLM.generate`"
