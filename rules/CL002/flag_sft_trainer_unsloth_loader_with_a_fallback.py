# Unsloth imported inside a loader the trainer calls in a `try`, with transformers as the fallback: on that path trl's
# own `SFTTrainer` tokenizes the rendered column with special tokens, a second BOS.
from datasets import Dataset


def load_unsloth(name):
    from unsloth import FastLanguageModel

    return FastLanguageModel.from_pretrained(name, max_seq_length=2048)


def load_transformers(name):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    return AutoModelForCausalLM.from_pretrained(name), AutoTokenizer.from_pretrained(name)


def train(name, pairs, use_unsloth=True):
    try:
        if not use_unsloth:
            raise ImportError("turned off")
        model, tokenizer = load_unsloth(name)
    except ImportError:
        model, tokenizer = load_transformers(name)
    from trl import SFTConfig, SFTTrainer

    rows = []
    for question, answer in pairs:
        chat = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
        rows.append({"text": tokenizer.apply_chat_template(chat, tokenize=False)})
    config = SFTConfig(output_dir="out", dataset_text_field="text")
    trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=Dataset.from_list(rows), args=config)  # expect: CL002 "`SFTTrainer` tokenizes column `text`"
    trainer.train()
