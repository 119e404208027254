# An instance built once at module level (`formatter = ChatFormatter(...)`) and used in a route handler: its render
# is the render of the class's method, and the engine built at module level tokenizes it again with special tokens.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


class ChatFormatter:
    def __init__(self, model_name, system_prompt):
        self.tokenizer = AutoTokenizer.from_pretrained(model_name)
        self.system_prompt = system_prompt

    def format(self, history, message):
        messages = [{"role": "system", "content": self.system_prompt}, *history, {"role": "user", "content": message}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


formatter = ChatFormatter(MODEL, "You are a helpful assistant.")
llm = LLM(model=MODEL)


def chat(history, message):
    prompt = formatter.format(history, message)
    outputs = llm.generate([prompt], SamplingParams(max_tokens=256))  # expect: CL002 "returned by `ChatFormatter.format`"
    return outputs[0].outputs[0].text


def prompt_ids(history, message):
    return formatter.tokenizer(formatter.format(history, message))["input_ids"]  # expect: CL002 "returned by `ChatFormatter.format`"


class Engine:
    def __init__(self, model_name):
        self.llm = LLM(model=model_name)

    def complete(self, prompts, max_tokens=256):
        return [out.outputs[0].text for out in self.llm.generate(prompts, SamplingParams(max_tokens=max_tokens))]


engine: Engine | None = None  # (built by the start-up hook, annotated here)


def start():
    global engine
    engine = Engine(MODEL)


def reply(history, message):
    prompt = formatter.format(history, message)
    return engine.complete([prompt])[0]  # expect: CL002 "through the helper `Engine.complete`"
