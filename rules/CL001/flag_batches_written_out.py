# Conversations written out as a batch of one (a list holding a tuple or a list of messages), or as a tuple of
# messages: each ends with the reply, and the generation prompt adds an empty assistant header that is trained on.


class VisionSFTDataset:
    def __init__(self, processor):
        self.processor = processor

    def encode(self, conversations, images):
        text = self.processor.apply_chat_template(conversations, tokenize=False, add_generation_prompt=True)  # expect: CL001 "a batch written out, each a tuple literal ending with an `assistant` turn"
        return self.processor(text=text, images=images, return_tensors="pt", add_special_tokens=False)

    def example(self, question, answer, images):
        batch = [({"role": "user", "content": question}, {"role": "assistant", "content": answer})]
        inputs = self.encode(batch, images)
        return {"input_ids": inputs["input_ids"], "labels": inputs["input_ids"].clone()}


def chat_example(tokenizer, question, answer):
    conversations = [[{"role": "user", "content": question}, {"role": "assistant", "content": answer}]]
    ids = tokenizer.apply_chat_template(conversations, add_generation_prompt=True, return_dict=False)  # expect: CL001 "a batch written out, each a list literal"
    return {"input_ids": ids[0], "labels": list(ids[0])}


def pair_example(tokenizer, question, answer):
    turns = ({"role": "user", "content": question}, {"role": "assistant", "content": answer})
    ids = tokenizer.apply_chat_template(turns, add_generation_prompt=True, return_dict=False)  # expect: CL001 "a tuple literal ending with an `assistant` turn"
    return {"input_ids": ids, "labels": list(ids)}
