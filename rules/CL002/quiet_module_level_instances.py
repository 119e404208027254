# The twins of flag_module_level_instances.py: the module-level formatter's render goes to the engine as token ids
# tokenized without special tokens; a function that binds the name itself to plain text tokenizes that.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


class ChatFormatter:
    def __init__(self, model_name):
        self.tokenizer = AutoTokenizer.from_pretrained(model_name)

    def format(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


formatter = ChatFormatter(MODEL)
llm = LLM(model=MODEL)


def chat(messages):
    ids = formatter.tokenizer(formatter.format(messages), add_special_tokens=False)["input_ids"]
    outputs = llm.generate(TokensPrompt(prompt_token_ids=ids), SamplingParams(max_tokens=256))
    return outputs[0].outputs[0].text


def complete(text):
    formatter = str.strip
    return llm.generate([formatter(text)], SamplingParams(max_tokens=64))
