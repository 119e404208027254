# A renderer method that merges the template's variables (a method named for them, which subclasses extend with a
# date or a thinking switch) with its caller's `**overrides`: a call that overrides nothing renders the prompt
# without the generation prompt, and its length masks the labels.
class ChatRenderer:
    def __init__(self, tokenizer, chat_template_kwargs=None):
        self.tokenizer = tokenizer
        self.chat_template_kwargs = dict(chat_template_kwargs or {})

    def template_kwargs(self):
        return dict(self.chat_template_kwargs)

    def render(self, messages, tools=None, **overrides):
        kwargs = {**self.template_kwargs(), **overrides}
        return self.tokenizer.apply_chat_template(messages, tools=tools, tokenize=False, **kwargs)

    def ids(self, text):
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def encode_example(self, example):
        messages, tools = example["messages"], example.get("tools")
        prompt_ids = self.ids(self.render(messages[:-1], tools))  # expect: CL003 "through the wrapper `ChatRenderer.render`"
        input_ids = self.ids(self.render(messages, tools))
        labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
        return {"input_ids": input_ids, "labels": labels}

    def encode_example_opened(self, example):
        messages, tools = example["messages"], example.get("tools")
        prompt_ids = self.ids(self.render(messages[:-1], tools, add_generation_prompt=True))
        input_ids = self.ids(self.render(messages, tools))
        labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
        return {"input_ids": input_ids, "labels": labels}
