# A playground: the chat render reaches nnsight's trace two modules away, through `logit_lens` (re-exported by the
# package) and `residuals`: a second BOS. Its twins hand the render to a chain that turns special tokens off, or to
# a helper that traces something else.
from lens.probes import logit_lens, plain_lens
from lens.probes.reading import prefix_lens


def chat(lm, text):
    messages = [{"role": "user", "content": text}]
    return lm.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def inspect(lm, request):
    prompt = chat(lm, request)
    views = [logit_lens(lm, prompt)]  # expect: CL002 "through the helper `logit_lens`"
    views.append(plain_lens(lm, prompt))
    views.append(prefix_lens(lm, prompt))
    return views
