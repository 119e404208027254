# Runs the stages over the rows, then samples batch by batch; and resamples plain questions.
from offline import ChatRender, Resampler, Sampler


def run(rows, model, tokenizer, size=8):
    render = ChatRender(tokenizer)
    rows = [render(row) for row in rows]
    sampler = Sampler(model, tokenizer)
    return [sampler.run(rows[start : start + size]) for start in range(0, len(rows), size)]


def resample(questions, model, tokenizer):
    resampler = Resampler(model, tokenizer)
    return resampler.run(resampler.prepare(questions))
