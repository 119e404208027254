# The twins: the rendered prompt's ids handed over (no second tokenization), and a plain prompt of the user's.
from transformers import AutoTokenizer
from vllm import EngineArgs, LLMEngine, SamplingParams
from vllm.inputs import TokensPrompt


def serve(model_id, conversations, questions):
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    engine = LLMEngine.from_engine_args(EngineArgs(model=model_id))
    for number, messages in enumerate(conversations):
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        engine.add_request(str(number), TokensPrompt(prompt_token_ids=ids), SamplingParams(max_tokens=256))
    for number, question in enumerate(questions):
        engine.add_request(f"q{number}", question, SamplingParams(max_tokens=256))
    finished = []
    while engine.has_unfinished_requests():
        finished.extend(output for output in engine.step() if output.finished)
    return finished
