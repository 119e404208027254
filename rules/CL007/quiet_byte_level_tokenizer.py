# The module loads only a model whose tokenizer is a byte-level BPE (Llama 3): no word-start piece, the marker matches.
from transformers import AutoTokenizer
from trl import DataCollatorForCompletionOnlyLM

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B")
collator = DataCollatorForCompletionOnlyLM(" ### Response:", tokenizer=tokenizer)


def prompt_mask(prompt, answer, labels):
    # one prompt, not turn-by-turn arithmetic at a running offset
    labels[: len(tokenizer(prompt).input_ids)] = -100
    return labels
