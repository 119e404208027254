# A method renders the conversation it is given after a helper of the class puts a system message in front (the
# helper may copy the list first): the caller's last turn stays last, so the method is a wrapper, judged at its calls (and reported at the default the fix changes).


class Prompter:
    def __init__(self, tokenizer, system=None):
        self.tokenizer = tokenizer
        self.system = system

    def _with_system(self, messages):
        messages = list(messages)
        if self.system and messages[0]["role"] != "system":
            messages = [{"role": "system", "content": self.system}] + messages
        return messages

    def render(self, messages, add_generation_prompt=True):  # expect: CL001 "through the wrapper `Prompter.render`"
        return self.tokenizer.apply_chat_template(
            self._with_system(messages), tokenize=False, add_generation_prompt=add_generation_prompt
        )


class SFTDataset:
    def __init__(self, rows, prompter):
        self.rows = rows
        self.prompter = Prompter(prompter.tokenizer, prompter.system)

    def __getitem__(self, index):
        messages = self.rows[index]["messages"]
        text = self.prompter.render(messages)
        return {"text": text, "labels": text}
