# A collator keeps its processor under a name that says nothing (`self.proc`), but renders chat templates with it:
# whatever renders them is a tokenizer or a processor, and calling it on the rendered text adds the BOS again.
class VisionCollator:
    def __init__(self, processor, max_length=2048):
        self.proc = processor
        self.max_length = max_length

    def _encode(self, messages, images):
        text = self.proc.apply_chat_template(messages, tokenize=False, add_generation_prompt=False)
        return self.proc(text=text, images=images, return_tensors="pt")  # expect: CL002 "`text` is rendered by `self.proc.apply_chat_template(..., tokenize=False)`"

    def __call__(self, features):
        return [self._encode(feature["messages"], feature["images"]) for feature in features]


def score(enc, messages):
    prompt = enc.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return enc(prompt, return_tensors="pt")  # expect: CL002 "`prompt` is rendered by `enc.apply_chat_template(..., tokenize=False)`"
