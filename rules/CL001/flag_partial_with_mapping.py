# A partial of the template that binds its flags through a mapping (`**common`): the training render of the full
# conversation gets the generation prompt the mapping sets.
import functools


class SftEncoder:
    def __init__(self, tokenizer):
        common = {"tokenize": True, "add_generation_prompt": True, "return_dict": False}  # expect: CL001 "renders `conversation`"
        self._render = functools.partial(tokenizer.apply_chat_template, **common)

    def encode(self, example):
        conversation = example["messages"] + [{"role": "assistant", "content": example["answer"]}]
        ids = self._render(conversation)
        return {"input_ids": ids, "labels": list(ids)}
