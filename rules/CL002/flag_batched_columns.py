# Columns of a batch of rows (`.map(batched=True)` hands a function lists): `examples["chosen"]` holds the texts the
# module's `.map()` rendered, read in a loop, through `zip`, or through a configuration field that names the column.


def render(example, tokenizer, config):
    example[config.text_column] = tokenizer.apply_chat_template(example[config.text_column], tokenize=False)
    example["chosen"] = tokenizer.apply_chat_template(example["chosen"], tokenize=False)
    example["rejected"] = tokenizer.apply_chat_template(example["rejected"], tokenize=False)
    return example


def prepare(dataset, tokenizer, config):
    return dataset.map(render, fn_kwargs={"tokenizer": tokenizer, "config": config})


def tokenize(examples, tokenizer, config):
    return tokenizer(examples[config.text_column], truncation=True)  # expect: CL002 "stored in the column named by `text_column`"


def preprocess_reward(examples, tokenizer):
    batch = {"input_ids_chosen": [], "input_ids_rejected": []}
    for chosen, rejected in zip(examples["chosen"], examples["rejected"]):
        batch["input_ids_chosen"].append(tokenizer(chosen)["input_ids"])  # expect: CL002 "stored in column `chosen`"
        batch["input_ids_rejected"].append(tokenizer(rejected)["input_ids"])  # expect: CL002 "stored in column `rejected`"
    return batch
