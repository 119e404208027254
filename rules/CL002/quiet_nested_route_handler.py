# The twins: a handler nested in a method hands the engine ids tokenized with special tokens off; a nested function
# with a `self` of its own (another object's method, defined inline) calls that object's methods, not the server's.
from transformers import AutoTokenizer
from vllm import TokensPrompt
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
            ids = self._tokenizer(self._query(messages), add_special_tokens=False)["input_ids"]
            prompt = TokensPrompt(prompt_token_ids=ids)
            async for output in self._engine.generate(request_id="r", prompt=prompt, sampling_params=None):
                await websocket.send_json({"text": output.outputs[0].text})

        def handler_method(self, messages):
            query = self._query(messages)
            return self._engine.generate(request_id="r", prompt=query, sampling_params=None)

        app.state.handler = handler_method
