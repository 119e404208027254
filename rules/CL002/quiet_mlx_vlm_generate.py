# The twins of flag_mlx_vlm_generate.py: a Gemma 3 model (mlx-vlm leaves special tokens off for it, and its template
# writes the BOS), the messages mlx-vlm's `apply_chat_template` returns when asked for them, and a plain question.
from mlx_vlm import generate, load
from mlx_vlm.prompt_utils import apply_chat_template
from mlx_vlm.utils import load_config

MODEL = "mlx-community/gemma-3-4b-it-4bit"
model, processor = load(MODEL)
config = load_config(MODEL)


def describe(image, question):
    prompt = apply_chat_template(processor, config, question, num_images=1)
    return generate(model, processor, prompt, [image], max_tokens=256)
