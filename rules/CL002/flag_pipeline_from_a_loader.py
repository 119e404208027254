# A loader builds a `text-generation` pipeline and returns it beside the tokenizer: the rendered prompt handed to
# the pipeline it returns is tokenized again with special tokens on. Handing it the messages renders them once.
from transformers import AutoTokenizer, pipeline


def load(model_name):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    text_gen = pipeline("text-generation", model=model_name, tokenizer=tokenizer)
    return tokenizer, text_gen


def answer(model_name, question):
    tokenizer, text_gen = load(model_name)
    messages = [{"role": "user", "content": question}]
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return text_gen(prompt, max_new_tokens=128, return_full_text=False)  # expect: CL002 "`text-generation` pipeline"


def answer_with_messages(model_name, question):
    _, text_gen = load(model_name)
    return text_gen([{"role": "user", "content": question}], max_new_tokens=128)
