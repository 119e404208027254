# Helpers of helpers: each hands its prompt on to a function of another module, which traces it.
from lens.probes.streams import residuals, residuals_plain


def logit_lens(lm, prompt, top=1):
    stream = residuals(lm, prompt)
    return [lm.lm_head(state).topk(top) for state in stream]


def plain_lens(lm, prompt, top=1):
    stream = residuals_plain(lm, prompt)
    return [lm.lm_head(state).topk(top) for state in stream]


def prefix_lens(lm, prompt, top=1):
    # (traces a fixed probe, not its prompt)
    stream = residuals(lm, "The answer is")
    return [len(prompt), *[lm.lm_head(state).topk(top) for state in stream]]
