# A whole column of a dataset that a `.map()` rendered into, read as a list (`rendered["text"]`) and handed to an
# engine that tokenizes with special tokens on (the row function renders in place: `batch["text"] = prompt`).
from vllm import LLM

JUDGE = "meta-llama/Llama-3.1-8B-Instruct"


def judge(dataset):
    llm = LLM(JUDGE)
    tokenizer = llm.get_tokenizer()

    def format_judgement(batch):
        messages = [{"role": "user", "content": batch["question"]}]
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        batch["text"] = prompt
        return batch

    rendered = dataset.map(format_judgement)
    prompts = rendered["text"]
    return llm.generate(prompts)  # expect: CL002 "stored in column `text` by `dataset.map(format_judgement)`"


def judge_each(dataset):
    llm = LLM(JUDGE)
    tokenizer = llm.get_tokenizer()
    rendered = dataset.map(
        lambda row: {"text": tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)}
    )
    return llm.generate(rendered["text"])  # expect: CL002 "`rendered[\"text\"]` holds texts rendered by"
