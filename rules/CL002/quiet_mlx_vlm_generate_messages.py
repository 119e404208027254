# More twins of flag_mlx_vlm_generate.py, for a model whose template writes a BOS: what mlx-vlm's
# `apply_chat_template` returns with `return_messages=True` is a list of messages, not a render; a plain question
# is not a render either.
from mlx_vlm import generate, load
from mlx_vlm.prompt_utils import apply_chat_template
from mlx_vlm.utils import load_config

MODEL = "mlx-community/pixtral-12b-4bit"
model, processor = load(MODEL)
config = load_config(MODEL)


def messages_of(question):
    return apply_chat_template(processor, config, question, num_images=1, return_messages=True)


def caption(image):
    return generate(model, processor, "Describe the image.", [image], max_tokens=64)
