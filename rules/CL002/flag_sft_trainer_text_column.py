# trl's SFTTrainer tokenizes a column of plain text with special tokens on: a column a `.map()` filled with rendered
# chats gets a second BOS. The column is trl's default one here ("text").
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")


def to_text(example):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


dataset = load_dataset("json", data_files="chat.jsonl", split="train").map(to_text)
trainer = SFTTrainer(model="meta-llama/Llama-3.2-3B-Instruct", train_dataset=dataset, processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `text` (trl's default `dataset_text_field`)"


def filtered_then_trained():
    # a split and a filter of the rendered set keep its column: trl still tokenizes it
    rendered = load_dataset("json", data_files="chat.jsonl").map(to_text)
    train = rendered["train"].filter(lambda row: len(row["text"]) < 20_000)
    return SFTTrainer(model="m", train_dataset=train, processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"


def formatting_prompts_func(examples):
    # a batched `.map()` writes a list of renders per batch: each row's `text` is one of them
    texts = [tokenizer.apply_chat_template(messages, tokenize=False) for messages in examples["messages"]]
    return {"text": texts}


def trained_on_batches():
    rendered = load_dataset("json", data_files="chat.jsonl", split="train").map(formatting_prompts_func, batched=True)
    return SFTTrainer(model="m", train_dataset=rendered, processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"


def trained_on_batches_by_loop():
    def format_batch(examples):
        texts = []
        for messages in examples["messages"]:
            texts.append(tokenizer.apply_chat_template(messages, tokenize=False))
        return {"text": texts}

    rendered = load_dataset("json", data_files="chat.jsonl", split="train").map(format_batch, batched=True)
    return SFTTrainer(model="m", train_dataset=rendered, processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"


# the trainer imported under another name
from trl import SFTTrainer as TRLSFTTrainer  # noqa: E402


def train_aliased(train_dataset):
    rendered = train_dataset.map(lambda row: {"text": tokenizer.apply_chat_template(row["messages"], tokenize=False)})
    return TRLSFTTrainer(model="m", train_dataset=rendered, processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"


def trained_with_keywords_in_a_dict(rows):
    # the trainer's keywords gathered in a dict first, one of them added on a condition
    dataset = load_dataset("json", data_files="chat.jsonl", split="train").map(to_text)
    split = dataset.train_test_split(test_size=0.05, seed=42)
    trainer_kwargs = dict(model="m", processing_class=tokenizer, train_dataset=split["train"], dataset_text_field="text")
    if rows:
        trainer_kwargs["eval_dataset"] = split["test"]
    return SFTTrainer(**trainer_kwargs)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"


def trained_on_the_module_dataset():
    # the module-level dataset, rendered into `text` at import, read in a function
    return SFTTrainer(model="m", train_dataset=dataset, processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"
