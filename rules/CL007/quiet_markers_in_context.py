# Markers that tokenize the same alone and in context, markers given as ids, and markers the code does not show.
from trl import DataCollatorForCompletionOnlyLM
from unsloth.chat_templates import train_on_responses_only


def chatml(tokenizer):
    return DataCollatorForCompletionOnlyLM(
        response_template="<|im_start|>assistant\n", instruction_template="<|im_start|>user\n", tokenizer=tokenizer
    )


def llama3(trainer):
    return train_on_responses_only(
        trainer,
        instruction_part="<|start_header_id|>user<|end_header_id|>\n\n",
        response_part="<|start_header_id|>assistant<|end_header_id|>\n\n",
    )


def gemma(trainer):
    return train_on_responses_only(
        trainer, instruction_part="<start_of_turn>user\n", response_part="<start_of_turn>model\n"
    )


def ids_in_context(tokenizer):
    response_ids = tokenizer.encode("\n### Assistant:", add_special_tokens=False)[2:]
    return DataCollatorForCompletionOnlyLM(response_template=response_ids, tokenizer=tokenizer)


def ids_as_a_list(tokenizer):
    return DataCollatorForCompletionOnlyLM([835, 4007, 22137, 29901], tokenizer=tokenizer)


def from_settings(args, tokenizer):
    return DataCollatorForCompletionOnlyLM(args.response_template, tokenizer=tokenizer)


def lengths_of_concatenated_ids(turns, tokenizer):
    # each turn tokenized and the ids concatenated: the lengths are exact
    input_ids, labels = [], []
    for turn in turns:
        ids = tokenizer(turn["content"], add_special_tokens=False).input_ids
        input_ids += ids
        labels += ids if turn["role"] == "assistant" else [-100] * len(ids)
    return input_ids, labels


def length_not_used_for_labels(text, tokenizer):
    budget = len(tokenizer(text).input_ids) - 2
    return budget > 0


def cursor_over_concatenated_ids(turns, tokenizer):
    # the sequence is the turns' own ids, so each turn's length is exact
    input_ids = []
    for turn in turns:
        input_ids += tokenizer(turn["content"], add_special_tokens=False).input_ids
    labels = list(input_ids)
    cur_len = 0
    for turn in turns:
        turn_len = len(tokenizer(turn["content"], add_special_tokens=False).input_ids)
        if turn["role"] != "assistant":
            labels[cur_len : cur_len + turn_len] = [-100] * turn_len
        cur_len += turn_len
    return input_ids, labels
