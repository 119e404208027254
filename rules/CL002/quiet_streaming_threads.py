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


class LazyStreamingChat:
    # (the closure's pipeline call turns special tokens off)
    def __init__(self, model_id):
        self.model_id = model_id
        self._pipe = None

    def _ensure_pipeline(self):
        if self._pipe is None:
            self._pipe = pipeline("text-generation", model=self.model_id)
        return self._pipe

    def stream(self, messages):
        pipe = self._ensure_pipeline()
        streamer = TextIteratorStreamer(pipe.tokenizer, skip_prompt=True)
        prompt = pipe.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

        def _generate():
            pipe(prompt, streamer=streamer, max_new_tokens=256, add_special_tokens=False)

        Thread(target=_generate, daemon=True).start()
        yield from streamer
