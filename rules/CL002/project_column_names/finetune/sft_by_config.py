# trl's SFTTrainer is told its text column through an imported arguments class's default: the rendered column.
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

from finetune.columns import render_rows
from finetune.settings import ChatDataConfig


def main(cfg: ChatDataConfig):
    tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B-Instruct")
    ds = load_dataset("json", data_files="chats.jsonl", split="train").map(render_rows, fn_kwargs={"tok": tok})
    args = SFTConfig(output_dir="out", dataset_text_field=cfg.text_column)
    return SFTTrainer(model="m", args=args, train_dataset=ds, processing_class=tok)  # expect: CL002 "`SFTTrainer` tokenizes column `chat_text`"
