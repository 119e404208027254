from lens.probes.reading import logit_lens, plain_lens

__all__ = ["logit_lens", "plain_lens"]
