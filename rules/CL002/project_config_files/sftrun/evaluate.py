# No configuration file of the project sets `add_bos_token`: its default adds a second BOS to the rendered prompt.
from transformers import AutoTokenizer

from sftrun.config import EvalConfig, load


def prompt_ids(messages, tokenizer, cfg: EvalConfig):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return tokenizer(prompt, add_special_tokens=cfg.add_bos_token)  # expect: CL002 "`EvalConfig.add_bos_token`"


def main(path="configs/eval.yaml"):
    cfg = load(EvalConfig, path)
    tokenizer = AutoTokenizer.from_pretrained(cfg.model)
    return prompt_ids([{"role": "user", "content": "Hi"}], tokenizer, cfg)
