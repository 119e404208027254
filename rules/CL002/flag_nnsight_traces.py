# Interpretability code on nnsight's `LanguageModel`: the model tokenizes a text prompt it traces or generates from
# with special tokens on, so a chat render handed to `trace`, to `generate` or to a tracer's `invoke` gets a second
# BOS (the model is any checkpoint the user names); a helper's call is reported where the rendered text is handed.
from nnsight import LanguageModel


def chat(lm: LanguageModel, user: str) -> str:
    messages = [{"role": "user", "content": user}]
    return lm.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def last_logits(lm: LanguageModel, prompt: str):
    with lm.trace(prompt):
        logits = lm.lm_head.output[:, -1, :].save()
    return logits


def steer(lm: LanguageModel, prompts: list[str], layer: int):
    with lm.generate(max_new_tokens=32) as tracer:
        with tracer.invoke(prompts):
            lm.model.layers[layer].output[0][:] *= 0.5
            out = lm.generator.output.save()
    return out


def main(name: str):
    lm = LanguageModel(name, device_map="auto")
    prompt = chat(lm, "What is the capital of France?")
    last_logits(lm, prompt)  # expect: CL002 "nnsight's `LanguageModel`"
    steer(lm, [prompt], 10)  # expect: CL002 "nnsight's `LanguageModel`"
    return lm.generate(prompt, max_new_tokens=16)  # expect: CL002 "nnsight's `LanguageModel`"
