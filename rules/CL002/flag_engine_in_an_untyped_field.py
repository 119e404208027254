# A chat model class of a framework: its engine field is declared `Any` (a private attribute of a pydantic model)
# and set from a local name in a loader; the annotation says nothing, the assignment does: vLLM's `generate` adds a
# second BOS to the rendered prompt.
import asyncio
from typing import Any

from pydantic import BaseModel, PrivateAttr


class ChatEngine(BaseModel):
    model: str
    _llm: Any = PrivateAttr(default=None)
    _tokenizer: Any = PrivateAttr(default=None)

    def _load(self) -> None:
        from vllm import LLM

        llm = LLM(model=self.model)
        self._llm = llm
        self._tokenizer = llm.get_tokenizer()

    def _to_prompt(self, messages) -> str:
        return self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    async def complete(self, messages, params):
        prompt = self._to_prompt(messages)
        return await asyncio.to_thread(self._llm.generate, prompt, params)  # expect: CL002 "vLLM's `LLM.generate`"
