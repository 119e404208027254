# Lambdas and formatting functions that hand rendered conversations to a trainer as training text.
from trl import SFTTrainer


def build_text_dataset(dataset, tokenizer):
    return dataset.map(
        lambda example: {
            "text": tokenizer.apply_chat_template(
                example["messages"], tokenize=False, add_generation_prompt=True  # expect: CL001 "in a lambda passed to `.map()` to build the dataset"
            )
        }
    )


def train_with_lambda(model, tokenizer, dataset):
    trainer = SFTTrainer(  # expect: CL002 "the texts `formatting_func=lambda ...` returns"
        model=model,
        train_dataset=dataset,
        formatting_func=lambda example: tokenizer.apply_chat_template(
            example["messages"], tokenize=False, add_generation_prompt=True  # expect: CL001 "in a lambda passed to `formatting_func=`"
        ),
    )
    trainer.train()


def format_conversation(example):
    return tokenizer.apply_chat_template(example["conversations"], tokenize=False, add_generation_prompt=True)  # expect: CL001 "in `format_conversation`, which is passed to `formatting_func=` to build the dataset"


def train(model, dataset):
    # (and trl tokenizes what the function returns with special tokens on: a second BOS, CL002)
    SFTTrainer(model=model, train_dataset=dataset, formatting_func=format_conversation).train()  # expect: CL002 "the texts `formatting_func=format_conversation` returns"


def sharegpt_to_ids(example, tokenizer):
    roles = {"human": "user", "gpt": "assistant", "system": "system"}
    messages = [{"role": roles[turn["from"]], "content": turn["value"]} for turn in example["conversations"]]
    input_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)  # expect: CL001 'renders `messages` = `example["conversations"]`, which ends with the assistant reply, in `sharegpt_to_ids`'
    return {"input_ids": input_ids, "labels": input_ids}
