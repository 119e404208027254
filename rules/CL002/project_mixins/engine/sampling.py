class SamplingMixin:
    def _format_prompt(self, prompt: str) -> str:
        messages = [{"role": "user", "content": prompt}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _sampling_kwargs(self, temperature: float) -> dict:
        return {"do_sample": temperature > 0, "temperature": temperature}
