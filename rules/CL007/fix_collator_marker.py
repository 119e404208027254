# fix: unsafe
from trl import DataCollatorForCompletionOnlyLM

RESPONSE = "### Response:"


def build(tok):
    literal = DataCollatorForCompletionOnlyLM(response_template="### Assistant:", tokenizer=tok)
    constant = DataCollatorForCompletionOnlyLM(RESPONSE, tokenizer=tok)
    return literal, constant
