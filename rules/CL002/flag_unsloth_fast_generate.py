# Unsloth's `fast_generate` hands its prompts to the vLLM engine it built for the model (`fast_inference=True`):
# a rendered text is tokenized again with special tokens on.
from unsloth import FastLanguageModel
from vllm import SamplingParams

model, tokenizer = FastLanguageModel.from_pretrained("unsloth/Llama-3.2-3B-Instruct", fast_inference=True)


def answer(question):
    messages = [{"role": "user", "content": question}]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    params = SamplingParams(temperature=0.8, max_tokens=256)
    return model.fast_generate([text], sampling_params=params)[0].outputs[0].text  # expect: CL002 "Unsloth's `fast_generate`"


def answer_with_adapter(question, adapter):
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    output = model.fast_generate(
        text,  # expect: CL002 "`text` is rendered by"
        sampling_params=SamplingParams(max_tokens=256),
        lora_request=model.load_lora(adapter),
    )
    return output[0].outputs[0].text
