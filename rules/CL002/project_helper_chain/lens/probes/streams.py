# The innermost helpers: each traces the text it is given with nnsight, special tokens on (`residuals`) or off
# (`residuals_plain`).
from nnsight import LanguageModel


def residuals(lm: LanguageModel, prompt: str):
    saved = []
    with lm.trace(prompt):
        for layer in lm.model.layers:
            saved.append(layer.output[0].save())
    return saved


def residuals_plain(lm: LanguageModel, prompt: str):
    saved = []
    with lm.trace(prompt, add_special_tokens=False):
        for layer in lm.model.layers:
            saved.append(layer.output[0].save())
    return saved
