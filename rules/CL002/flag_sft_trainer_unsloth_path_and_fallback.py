# Two training paths in one script: one imports Unsloth and returns when it is missing, so the `SFTTrainer` it makes
# after that import is Unsloth's patched one (it sees the BOS the texts start with and tokenizes them without special
# tokens); the fallback, run when that path returns False, trains with trl's own, which adds a second BOS.


def _rows(tokenizer, pairs):
    texts = []
    for question, answer in pairs:
        chat = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
        texts.append({"text": tokenizer.apply_chat_template(chat, tokenize=False)})
    return texts


def try_unsloth(name, pairs):
    try:
        from unsloth import FastLanguageModel
    except ImportError:
        print("Unsloth not installed: pip install unsloth")
        return False
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    model, tokenizer = FastLanguageModel.from_pretrained(name, max_seq_length=2048)
    config = SFTConfig(output_dir="out", dataset_text_field="text")
    dataset = Dataset.from_list(_rows(tokenizer, pairs))
    SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=config).train()
    return True


def train_with_trl(name, pairs):
    from datasets import Dataset
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from trl import SFTConfig, SFTTrainer

    tokenizer = AutoTokenizer.from_pretrained(name)
    model = AutoModelForCausalLM.from_pretrained(name)
    config = SFTConfig(output_dir="out", dataset_text_field="text")
    dataset = Dataset.from_list(_rows(tokenizer, pairs))
    SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=config).train()  # expect: CL002 "`SFTTrainer` tokenizes column `text`"


def main(name, pairs):
    if not try_unsloth(name, pairs):
        train_with_trl(name, pairs)
