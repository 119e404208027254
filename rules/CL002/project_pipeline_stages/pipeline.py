# Runs the stages over the rows, then samples batch by batch.
from offline import ChatRender, Sampler


def run(rows, model, tokenizer, size=8):
    render = ChatRender(tokenizer)
    rows = [render(row) for row in rows]
    sampler = Sampler(model, tokenizer)
    return [sampler.run(rows[start : start + size]) for start in range(0, len(rows), size)]
