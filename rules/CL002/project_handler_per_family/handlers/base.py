# Every handler runs the same query; how the prompt is formatted is each model family's own.
from openai import OpenAI


class OSSHandler:
    def __init__(self, model_name, base_url):
        self.model_name = model_name
        self.client = OpenAI(base_url=base_url, api_key="EMPTY")

    def _format_prompt(self, messages):
        raise NotImplementedError

    def query(self, messages):
        formatted_prompt = self._format_prompt(messages)
        extra_body = {}
        if hasattr(self, "stop_token_ids"):
            extra_body["stop_token_ids"] = self.stop_token_ids
        return self.client.completions.create(
            prompt=formatted_prompt,  # expect: CL002 "returned by `LlamaHandler._format_prompt`"
            model=self.model_name,
            max_tokens=512,
            extra_body=extra_body,
        )


class WrittenHandler:
    # the twin: every subclass writes its prompt by hand, in its model's format
    def __init__(self, model_name, base_url):
        self.model_name = model_name
        self.client = OpenAI(base_url=base_url, api_key="EMPTY")

    def _format_prompt(self, messages):
        raise NotImplementedError

    def query(self, messages):
        formatted_prompt = self._format_prompt(messages)
        return self.client.completions.create(model=self.model_name, prompt=formatted_prompt, max_tokens=512)
