# A server that builds the keywords of SGLang's `async_generate` in a method of its own (`{"prompt": prompt, ...}`)
# and spreads them into the call: the rendered prompt is still what the engine tokenizes.
import sglang as sgl
from transformers import AutoTokenizer


class ChatServer:
    def __init__(self, model_path):
        self.tokenizer = AutoTokenizer.from_pretrained(model_path)
        self.engine = sgl.Engine(model_path=model_path)

    def _build_generate_kwargs(self, request, prompt, stream):
        generate_kwargs = {"prompt": prompt, "stream": stream}
        if request.get("temperature") is not None:
            generate_kwargs["sampling_params"] = {"temperature": request["temperature"]}
        return generate_kwargs

    async def _generate_raw(self, request, prompt):
        generate_kwargs = self._build_generate_kwargs(request, prompt, stream=False)
        return await self.engine.async_generate(**generate_kwargs)

    async def chat(self, request):
        prompt = self.tokenizer.apply_chat_template(request["messages"], tokenize=False, add_generation_prompt=True)
        output = await self._generate_raw(request, prompt)  # expect: CL002 "through the helper `ChatServer._generate_raw`"
        return output["text"]

    async def complete(self, request):
        kwargs = {"prompt": self.tokenizer.apply_chat_template(request["messages"], tokenize=False), "stream": False}
        return await self.engine.async_generate(**kwargs)  # expect: CL002 "the text is rendered by `self.tokenizer.apply_chat_template("
