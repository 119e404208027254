# A retrieval processor built on a transformers processor class: `self(text=...)` is the processor's own call, which
# tokenizes the rendered text again with special tokens on.
from transformers.models.gemma3 import Gemma3Processor


class RetrievalProcessor(Gemma3Processor):
    def process_images(self, images):
        batches = []
        for image in images:
            message = [{"role": "user", "content": [{"type": "image", "image": image}, {"type": "text", "text": "Describe"}]}]
            text = self.tokenizer.apply_chat_template(message, tokenize=False, add_generation_prompt=False)
            batches.append(self(text=[text], images=[image], return_tensors="pt"))  # expect: CL002 "`[text]` holds texts rendered by"
        return batches

    def process_queries(self, queries):
        texts = []
        for query in queries:
            message = [{"role": "user", "content": [{"type": "text", "text": f"Query: {query}"}]}]
            texts.append(self.tokenizer.apply_chat_template(message, tokenize=False, add_generation_prompt=False))
        return self(text=texts, padding="longest", return_tensors="pt")  # expect: CL002 "`texts` holds texts rendered by"
