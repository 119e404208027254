class GenerationMixin:
    def generate(self, prompt: str, temperature: float = 0.0) -> str:
        formatted = self._format_prompt(prompt)
        inputs = self.tokenizer(formatted, return_tensors="pt")  # expect: CL002 "returned by `SamplingMixin._format_prompt`"
        output = self.model.generate(**inputs, **self._sampling_kwargs(temperature))
        return self.tokenizer.decode(output[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)


class PlainGenerationMixin:
    def generate(self, prompt: str, temperature: float = 0.0) -> str:
        formatted = self._format_prompt(prompt)
        inputs = self.tokenizer(formatted, add_special_tokens=False, return_tensors="pt")
        output = self.model.generate(**inputs, **self._sampling_kwargs(temperature))
        return self.tokenizer.decode(output[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)


class CompletionMixin:
    def complete(self, prompt: str) -> str:
        inputs = self.tokenizer(self._completion_text(prompt), return_tensors="pt")
        output = self.model.generate(**inputs)
        return self.tokenizer.decode(output[0], skip_special_tokens=True)
