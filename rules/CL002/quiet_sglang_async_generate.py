# The twin: the rendered prompt's ids handed to SGLang's engine (`input_ids=`), tokenized once.
import sglang as sgl
from transformers import AutoTokenizer


class ChatServer:
    def __init__(self, model_path):
        self.tokenizer = AutoTokenizer.from_pretrained(model_path)
        self.engine = sgl.Engine(model_path=model_path)

    async def chat(self, messages, sampling_params):
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        output = await self.engine.async_generate(input_ids=ids, sampling_params=sampling_params)
        return output["text"]
