# The twins: the keywords a method builds hand the engine the render's ids (`input_ids`), and a plain prompt of the
# user's goes under `prompt`.
import sglang as sgl
from transformers import AutoTokenizer


class ChatServer:
    def __init__(self, model_path):
        self.tokenizer = AutoTokenizer.from_pretrained(model_path)
        self.engine = sgl.Engine(model_path=model_path)

    def _build_generate_kwargs(self, prompt_ids, stream):
        return {"input_ids": prompt_ids, "stream": stream}

    async def chat(self, request):
        ids = self.tokenizer.apply_chat_template(request["messages"], add_generation_prompt=True, return_dict=False)
        generate_kwargs = self._build_generate_kwargs(ids, stream=False)
        output = await self.engine.async_generate(**generate_kwargs)
        return output["text"]

    async def complete(self, request):
        kwargs = {"prompt": request["text"], "stream": False}
        return await self.engine.async_generate(**kwargs)
