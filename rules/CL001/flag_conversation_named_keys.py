# The same encoder reading the whole conversation by a key named for it (`self.messages_key`): rendered with the
# generation prompt for training, every example ends with an empty assistant header that is trained on.
class ConversationEncoder:
    def __init__(self, tokenizer, messages_key):
        self.tok = tokenizer
        self.messages_key = messages_key

    def __call__(self, example):
        ids = self.tok.apply_chat_template(example[self.messages_key], add_generation_prompt=True, return_dict=False)  # expect: CL001 "add_generation_prompt=True"
        return {"input_ids": ids, "labels": list(ids)}
