from .render import ChatRender
from .sample import Sampler, SamplerNoSpecials

__all__ = ["ChatRender", "Sampler", "SamplerNoSpecials"]
