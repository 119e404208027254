# The twins: the model Unsloth serves writes no BOS (ChatML), or the BOS is taken off the text first.
from unsloth import FastLanguageModel
from vllm import SamplingParams

model, tokenizer = FastLanguageModel.from_pretrained("unsloth/Qwen2.5-3B-Instruct", fast_inference=True)


def answer(question):
    messages = [{"role": "user", "content": question}]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return model.fast_generate([text], sampling_params=SamplingParams(max_tokens=256))[0].outputs[0].text


def answer_stripped(llama_model, llama_tokenizer, question):
    text = llama_tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    text = text.removeprefix(llama_tokenizer.bos_token)
    return llama_model.fast_generate([text], sampling_params=SamplingParams(max_tokens=256))[0].outputs[0].text
