# mlx-vlm's `generate` and `stream_generate` tokenize a text prompt with special tokens on for every model but
# Gemma 3 and 4; a prompt rendered by the processor's template (or by mlx-vlm's own `apply_chat_template`, which
# renders it as text) already starts with the BOS of a template that writes one (Pixtral's): a second BOS.
import mlx_vlm
import mlx_vlm as mv
from mlx_vlm import generate, load, stream_generate
from mlx_vlm.prompt_utils import apply_chat_template
from mlx_vlm.utils import load_config

MODEL = "mlx-community/pixtral-12b-4bit"
model, processor = load(MODEL)
config = load_config(MODEL)


def describe(image, question):
    prompt = apply_chat_template(processor, config, question, num_images=1)
    return generate(model, processor, prompt, [image], max_tokens=256)  # expect: CL002 "mlx-vlm's `generate`"


def describe_streaming(image, question):
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
    prompt = processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    for chunk in stream_generate(model, processor, prompt=prompt, image=[image]):  # expect: CL002 "mlx-vlm's `generate`"
        yield chunk.text


def describe_by_module(image, question):
    prompt = mlx_vlm.apply_chat_template(processor, config, question, num_images=1)
    return mlx_vlm.generate(model, processor, prompt, [image])  # expect: CL002 "rendered by mlx-vlm's `mlx_vlm.apply_chat_template("


def describe_aliased(image, question):
    # (the module under another name: its `apply_chat_template` is mlx-vlm's function, not a tokenizer's method)
    prompt = mv.apply_chat_template(processor, config, question, num_images=1)
    return mv.stream_generate(model, processor, prompt, [image])  # expect: CL002 "rendered by mlx-vlm's `mv.apply_chat_template("



class PixtralRunner:
    # (the checkpoint a constant of the class body, loaded by a class method)
    MLX_MODEL = "mlx-community/pixtral-12b-4bit"

    def __init__(self, model, processor):
        self._model, self._processor = model, processor

    @classmethod
    def load(cls):
        model, processor = load(cls.MLX_MODEL)
        return cls(model, processor)

    def describe(self, image, question):
        prompt = apply_chat_template(self._processor, self._model.config, question, num_images=1)
        return generate(self._model, self._processor, prompt=prompt, image=image)  # expect: CL002 "mlx-vlm's `generate`"
