# The twins of flag_streaming_threads.py: the thread's keywords turn special tokens off for the pipeline, and a
# thread that runs `model.generate` on ids tokenized without them.
from threading import Thread

from transformers import AutoTokenizer, TextIteratorStreamer, pipeline


class StreamingChat:
    def __init__(self, model, model_id):
        self.model = model
        self.tok = AutoTokenizer.from_pretrained(model_id)
        self.pipe = pipeline("text-generation", model=model_id, tokenizer=self.tok)

    def stream(self, messages):
        streamer = TextIteratorStreamer(self.tok, skip_prompt=True)
        prompt = self.tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        settings = {"streamer": streamer, "max_new_tokens": 256, "add_special_tokens": False}
        thread = Thread(target=self.pipe, args=(prompt,), kwargs=settings)
        thread.start()
        yield from streamer

    def stream_ids(self, messages):
        streamer = TextIteratorStreamer(self.tok, skip_prompt=True)
        prompt = self.tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.tok(prompt, return_tensors="pt", add_special_tokens=False)
        thread = Thread(target=self.model.generate, kwargs={**inputs, "streamer": streamer})
        thread.start()
        yield from streamer
