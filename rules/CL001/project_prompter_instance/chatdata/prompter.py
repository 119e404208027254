# A prompt builder: it renders the conversation it is given, after a system turn, with the generation prompt unless
# told otherwise.


class Prompter:
    def __init__(self, tokenizer, system_prompt="You are a helpful assistant."):
        self.tokenizer = tokenizer
        self.system_prompt = system_prompt

    def build_prompt(self, messages, add_generation_prompt=True):
        conversation = [{"role": "system", "content": self.system_prompt}, *messages]
        return self.tokenizer.apply_chat_template(
            conversation, tokenize=False, add_generation_prompt=add_generation_prompt
        )
