# A route handler nested in a method of the server: its `self` is the method's, so the wrapper it calls
# (`self._query`, a render with tokenize=False) and the engine it hands the text to (`self._engine`, vLLM's
# AsyncLLM) are the server's.
from transformers import AutoTokenizer
from vllm.v1.engine.async_llm import AsyncLLM


class ChatServer:
    def __init__(self, model, engine_args, app):
        self._tokenizer = AutoTokenizer.from_pretrained(model)
        self._engine = AsyncLLM.from_engine_args(engine_args)
        self._setup_routes(app)

    def _query(self, messages):
        return self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def _setup_routes(self, app):
        @app.websocket("/v1/chat")
        async def chat(websocket):
            messages = await websocket.receive_json()
            query = self._query(messages)
            async for output in self._engine.generate(request_id="r", prompt=query, sampling_params=None):  # expect: CL002 "the wrapper `ChatServer._query`"
                await websocket.send_json({"text": output.outputs[0].text})

        def count_tokens(messages):
            text = self._query(messages)
            return len(self._tokenizer(text)["input_ids"])  # expect: CL002 "`text` is rendered by `self._query(..., tokenize=False)`"

        app.add_api_route("/v1/count", count_tokens)
