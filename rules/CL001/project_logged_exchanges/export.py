# Writes SFT rows from the logged exchanges: the conversation already ends with the reply, so the generation prompt
# appends an empty assistant header that is trained on. Quiet: the prompt alone, rendered for a completion row.
import json

from transformers import AutoTokenizer

from log_schema import LoggedExchange

MODEL_ID = "Qwen/Qwen2.5-7B-Instruct"


def render_example(tokenizer, exchange):
    return tokenizer.apply_chat_template(exchange.conversation(), tokenize=False, add_generation_prompt=True)  # expect: CL001 "`exchange.conversation()` (log_schema.py:16)"


def render_prompt(tokenizer, exchange):
    return tokenizer.apply_chat_template(exchange.prompt(), tokenize=False, add_generation_prompt=True)


def export(lines, tokenizer):
    rows = []
    for line in lines:
        exchange = LoggedExchange.from_record(json.loads(line))
        rows.append({"text": render_example(tokenizer, exchange)})
        rows.append({"prompt": render_prompt(tokenizer, exchange), "completion": exchange.reply})
    return rows


if __name__ == "__main__":
    with open("logs/chat.jsonl", encoding="utf-8") as handle:
        print(len(export(handle, AutoTokenizer.from_pretrained(MODEL_ID))))
