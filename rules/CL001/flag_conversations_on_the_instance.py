# The conversation is a list kept on the instance, emptied by a method and filled message by message in the method
# that renders it: the last message appended before the render decides the end, as for a local list.


class TargetScorer:
    def __init__(self, tokenizer, system_prompt, target):
        self.tokenizer = tokenizer
        self.system_prompt = system_prompt
        self.target = target
        self.messages = []

    def _reset(self):
        self.messages = []
        if self.system_prompt:
            self.messages.append({"role": "system", "content": self.system_prompt})

    def scored_ids(self, attack):
        self._reset()
        self.messages.append({"role": "user", "content": attack})
        self.messages.append({"role": "assistant", "content": self.target})
        encoded = self.tokenizer.apply_chat_template(self.messages, add_generation_prompt=True, return_dict=True)  # expect: CL001 "after `self.messages.append"
        return encoded["input_ids"]
