from .render import ChatRender
from .resample import Resampler
from .sample import Sampler, SamplerNoSpecials

__all__ = ["ChatRender", "Resampler", "Sampler", "SamplerNoSpecials"]
