# versions: trl==0.20.0
# trl 0.20 trains on the all-zero masks of a template without `{% generation %}`.
from transformers import AutoTokenizer
from trl import SFTConfig

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen2.5-7B-Instruct")
config = SFTConfig(output_dir="out", assistant_only_loss=True)  # expect: CL011 "so with trl before 0.21 nothing is trained"
