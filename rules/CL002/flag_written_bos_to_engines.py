# A prompt written by hand in Llama 3's or Gemma's format, starting with the BOS token those tokenizers always add
# again, handed to a serving engine that tokenizes text prompts with special tokens on; also kept as an element of
# tuples gathered in a list, then read back by position.
from sglang import Engine
from vllm import LLM, SamplingParams

SYSTEM = "You are a helpful assistant."


def llama3_prompt(question):
    return (
        f"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n{SYSTEM}<|eot_id|>"
        f"<|start_header_id|>user<|end_header_id|>\n\n{question}<|eot_id|>"
        f"<|start_header_id|>assistant<|end_header_id|>\n\n"
    )


def answer_all(checkpoint, questions):
    llm = LLM(model=checkpoint)
    tasks = []
    for index, question in enumerate(questions):
        tasks.append((index, question, llama3_prompt(question)))
    outputs = llm.generate([task[2] for task in tasks], SamplingParams(max_tokens=64))  # expect: CL002 "written with the BOS token `<|begin_of_text|>`"
    return {task[0]: output.outputs[0].text for task, output in zip(tasks, outputs)}


def gemma_answer(checkpoint, question):
    engine = Engine(model_path=checkpoint)
    prompt = f"<bos><start_of_turn>user\n{question}<end_of_turn>\n<start_of_turn>model\n"
    return engine.generate(prompt, {"max_new_tokens": 64})  # expect: CL002 "written with the BOS token `<bos>`"
