# The twins of flag_engine_text_prompts.py: token ids handed to the engine (`prompt_token_ids`), a text prompt that is
# a plain document, and the conversation handed to `llm.chat`.
from transformers import AutoProcessor
from vllm import LLM, SamplingParams

processor = AutoProcessor.from_pretrained("meta-llama/Llama-3.2-11B-Vision-Instruct")
llm = LLM(model="meta-llama/Llama-3.2-11B-Vision-Instruct")
params = SamplingParams(max_tokens=64)


def describe(conversations, images):
    inputs = []
    for conversation, image in zip(conversations, images):
        ids = processor.apply_chat_template(conversation, add_generation_prompt=True, tokenize=True, return_dict=False)
        inputs.append({"prompt_token_ids": ids, "multi_modal_data": {"image": image}})
    return llm.generate(inputs, params)


def caption(documents, images):
    return llm.generate([{"prompt": d, "multi_modal_data": {"image": i}} for d, i in zip(documents, images)], params)


def caption_each(documents, images):
    # one request at a time, each a text prompt of plain documents
    requests = [{"prompt": d, "multi_modal_data": {"image": i}} for d, i in zip(documents, images)]
    outputs = []
    for request in requests:
        outputs += llm.generate(request, params)
    return outputs


def chat(conversations):
    return llm.chat(conversations, params)


def beam_search_over_ids(conversations):
    # beam search given the render's ids, or plain documents
    from vllm.sampling_params import BeamSearchParams

    beams = BeamSearchParams(beam_width=4, max_tokens=64)
    ids = [processor.apply_chat_template(c, add_generation_prompt=True, tokenize=True, return_dict=False) for c in conversations]
    llm.beam_search([{"prompt_token_ids": i} for i in ids], beams)
    return llm.beam_search([{"prompt": d} for d in conversations[0]], beams)
