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


class LazyStreamingChat:
    # (a closure the thread runs calls the pipeline a method of the class builds lazily and returns)
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
            pipe(prompt, streamer=streamer, max_new_tokens=256)  # expect: CL002 "a transformers `text-generation` pipeline"

        Thread(target=_generate, daemon=True).start()
        yield from streamer
