# Generation helpers: a reasoning phase, then the answer, from the prompt's ids.
import torch


def generate_two_phase(model, tokenizer, input_ids: torch.LongTensor, think_tokens: int = 1024) -> str:
    with torch.no_grad():
        thought = model.generate(input_ids=input_ids, max_new_tokens=think_tokens)
    return tokenizer.decode(thought[0][input_ids.shape[1] :], skip_special_tokens=True)
