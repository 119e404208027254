# Plain-text markers given as strings: the library tokenizes them alone, out of the conversation's context.
from trl import DataCollatorForCompletionOnlyLM
from unsloth.chat_templates import train_on_responses_only

RESPONSE_TEMPLATE = " ### Answer:"


def build_collator(tokenizer):
    return DataCollatorForCompletionOnlyLM(
        response_template="### Assistant:",  # expect: CL007 "`response_template=\"### Assistant:\"` is plain text that trl tokenizes on its own"
        instruction_template="### Human:",  # expect: CL007 "user turns are not masked where it is not found"
        tokenizer=tokenizer,
    )


def positional(tokenizer):
    return DataCollatorForCompletionOnlyLM(RESPONSE_TEMPLATE, tokenizer=tokenizer)  # expect: CL007 "`response_template=\" ### Answer:\"`"


def mistral_markers(trainer):
    return train_on_responses_only(
        trainer,
        instruction_part="[INST]",  # expect: CL007 "is plain text that unsloth tokenizes on its own"
        response_part="[/INST]",  # expect: CL007 "whole rows train nothing"
    )
