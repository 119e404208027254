# Streaming generation runs the pipeline in a thread (`Thread(target=self.pipe, args=(prompt,), kwargs=...)`): the
# rendered prompt reaches a transformers `text-generation` pipeline, which tokenizes it with special tokens on.
from threading import Thread

from transformers import AutoTokenizer, TextIteratorStreamer, pipeline


class StreamingChat:
    def __init__(self, model_id):
        self.tok = AutoTokenizer.from_pretrained(model_id)
        self.pipe = pipeline("text-generation", model=model_id, tokenizer=self.tok)

    def stream(self, messages):
        streamer = TextIteratorStreamer(self.tok, skip_prompt=True)
        prompt = self.tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        thread = Thread(target=self.pipe, args=(prompt,), kwargs={"streamer": streamer, "max_new_tokens": 256})  # expect: CL002 "a transformers `text-generation` pipeline"
        thread.start()
        yield from streamer
