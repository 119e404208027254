# The twin of flag_wrapper_merging_template_variables.py: the merged dict takes in a mapping its callers hand it
# (`extra`), which may switch the generation prompt on; and a method named for the template's variables that
# returns the generation prompt among them is read as the class shows it.
class ChatRenderer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def template_kwargs(self):
        return {"add_generation_prompt": True}

    def render(self, messages, extra, **overrides):
        kwargs = {**extra, **overrides}
        return self.tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)

    def render_prompt(self, messages):
        kwargs = {**self.template_kwargs()}
        return self.tokenizer.apply_chat_template(messages, tokenize=False, **kwargs)

    def encode_example(self, example, extra):
        messages = example["messages"]
        prompt = self.render(messages[:-1], extra)
        full = self.render(messages, {})
        prompt_ids = self.tokenizer(prompt, add_special_tokens=False)["input_ids"]
        input_ids = self.tokenizer(full, add_special_tokens=False)["input_ids"]
        return {"input_ids": input_ids, "labels": [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]}

    def encode_with_template_kwargs(self, example):
        messages = example["messages"]
        prompt_ids = self.tokenizer(self.render_prompt(messages[:-1]), add_special_tokens=False)["input_ids"]
        input_ids = self.tokenizer(self.render(messages, {}), add_special_tokens=False)["input_ids"]
        return {"input_ids": input_ids, "labels": [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]}
