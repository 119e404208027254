# A ChatML model whose prompt is written by hand: the server is sent it as it is meant to be read.
from .base import OSSHandler, WrittenHandler


class BielikHandler(OSSHandler):
    def _format_prompt(self, messages):
        formatted_prompt = "<s>"
        for message in messages:
            formatted_prompt += f"<|im_start|>{message['role']}\n{message['content']}<|im_end|>\n"
        formatted_prompt += "<|im_start|>assistant\n"
        return formatted_prompt


class MistralHandler(WrittenHandler):
    def _format_prompt(self, messages):
        formatted_prompt = "<s>"
        for message in messages:
            formatted_prompt += f"[INST] {message['content']} [/INST]"
        return formatted_prompt
