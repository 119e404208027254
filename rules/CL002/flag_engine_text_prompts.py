# vLLM's text prompts as dicts (`{"prompt": text, "multi_modal_data": ...}`) or `TextPrompt(prompt=text)`: the text is
# tokenized with special tokens on, like a plain string prompt.
from transformers import AutoProcessor
from vllm import LLM, SamplingParams, TextPrompt

processor = AutoProcessor.from_pretrained("meta-llama/Llama-3.2-11B-Vision-Instruct")
llm = LLM(model="meta-llama/Llama-3.2-11B-Vision-Instruct")
params = SamplingParams(max_tokens=64)


def describe(conversations, images):
    inputs = []
    for conversation, image in zip(conversations, images):
        prompt = processor.apply_chat_template(conversation, add_generation_prompt=True)
        inputs.append({"prompt": prompt, "multi_modal_data": {"image": image}})
    return llm.generate(inputs, params)  # expect: CL002 "with vLLM's `LLM.generate`"


def describe_batch(conversations, images):
    prompts = [processor.apply_chat_template(c, add_generation_prompt=True) for c in conversations]
    batch = [{"prompt": p, "multi_modal_data": {"image": i}} for p, i in zip(prompts, images)]
    return llm.generate(batch, params)  # expect: CL002 "holds texts rendered by `processor.apply_chat_template(...)`"


def describe_each(conversations, images):
    # one request at a time, each a text prompt of a list built beforehand
    prompts = [processor.apply_chat_template(c, add_generation_prompt=True) for c in conversations]
    requests = [{"prompt": p, "multi_modal_data": {"image": i}} for p, i in zip(prompts, images)]
    outputs = []
    for request in requests:
        outputs += llm.generate(request, params)  # expect: CL002 "holds texts rendered by `processor.apply_chat_template(...)`"
    return outputs


def describe_one(conversation):
    prompt = processor.apply_chat_template(conversation, add_generation_prompt=True)
    return llm.generate(TextPrompt(prompt=prompt), params)  # expect: CL002 "`prompt` is rendered by"


def beam_search(conversations):
    # `LLM.beam_search` encodes each text prompt with `tokenizer.encode(prompt["prompt"])`: special tokens on
    from vllm.sampling_params import BeamSearchParams

    rendered = [processor.apply_chat_template(c, add_generation_prompt=True) for c in conversations]
    inputs = [{"prompt": text} for text in rendered]
    return llm.beam_search(inputs, BeamSearchParams(beam_width=4, max_tokens=64))  # expect: CL002 "with vLLM's `LLM.beam_search`"
