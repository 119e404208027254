class PlainFormattingMixin:
    def _completion_text(self, prompt: str) -> str:
        return f"Question: {prompt}\nAnswer:"

    def _sampling_kwargs(self, temperature: float) -> dict:
        return {"do_sample": temperature > 0, "temperature": temperature}
