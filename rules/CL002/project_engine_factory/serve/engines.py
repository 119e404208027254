# Engines are built here, apart from the code that uses them.
from vllm import LLM, SamplingParams


def build_engine(model_name, tensor_parallel_size=1):
    return LLM(model=model_name, tensor_parallel_size=tensor_parallel_size)


def build_params(max_tokens=512):
    return SamplingParams(temperature=0.0, max_tokens=max_tokens)


def load_model(model_name):
    # the engine is one item of the tuples it returns
    llm = LLM(model=model_name)
    return build_params(), llm, llm.get_tokenizer()


def load_client(base_url):
    # what it returns holds no engine
    return {"base_url": base_url}, None
