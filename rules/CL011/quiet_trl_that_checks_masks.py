# versions: trl==0.21.0
# The project pins a trl release that stops with an error on all-zero assistant masks: nothing trains silently.
from transformers import AutoTokenizer
from trl import SFTConfig

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
config = SFTConfig(output_dir="out", assistant_only_loss=True)
