# A function of the module builds the vLLM engine (and caches it): what a call of it returns is that engine, so the
# rendered prompt handed to its `generate` gets a second BOS.
from vllm import SamplingParams

_ENGINES = {}


def _get_llm(model, max_len):
    key = (model, max_len)
    if key in _ENGINES:
        return _ENGINES[key]
    from vllm import LLM

    llm = LLM(model=model, max_model_len=max_len)
    _ENGINES[key] = llm
    return llm


def run_completion(model, tokenizer, prompt):
    llm = _get_llm(model, 4096)
    messages = [{"role": "user", "content": prompt}]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return llm.generate([text], SamplingParams(max_tokens=128))  # expect: CL002 "`[text]` holds texts rendered by"
