"""The serving engine."""


def load_llm(model: str, tensor_parallel_size: int = 1):
    from vllm import LLM

    return LLM(model=model, tensor_parallel_size=tensor_parallel_size)
