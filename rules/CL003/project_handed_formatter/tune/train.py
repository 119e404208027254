from transformers import AutoTokenizer

from .data import PromptedSet, SupervisedSet
from .formats import ChatFormatter, GenerationFormatter

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def datasets(rows):
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    formatter = ChatFormatter(tokenizer, system="Answer briefly.")
    supervised = SupervisedSet(rows, formatter, tokenizer)
    # the prompt of this formatter ends with the assistant header: the mask covers it
    prompted = PromptedSet(rows, formatter=GenerationFormatter(tokenizer), tokenizer=tokenizer)
    return supervised, prompted
