# An mlx-vlm runner whose checkpoint is a constant of its class body, loaded by a class method: a Qwen model, whose
# ChatML template writes no BOS, so mlx-vlm's `generate` adding its special tokens doubles nothing.
from mlx_vlm import generate, load
from mlx_vlm.prompt_utils import apply_chat_template


class VisionRunner:
    MLX_MODEL = "mlx-community/Qwen2.5-VL-7B-Instruct-4bit"

    def __init__(self, model, processor):
        self._model, self._processor = model, processor

    @classmethod
    def load(cls):
        model, processor = load(cls.MLX_MODEL)
        return cls(model, processor)

    def describe(self, image, question):
        prompt = apply_chat_template(self._processor, self._model.config, question, num_images=1)
        return generate(self._model, self._processor, prompt=prompt, image=image)
