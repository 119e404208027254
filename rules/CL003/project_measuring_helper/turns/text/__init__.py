from .lengths import history_tokens, prompt_tokens, rendered_tokens

__all__ = ["history_tokens", "prompt_tokens", "rendered_tokens"]
