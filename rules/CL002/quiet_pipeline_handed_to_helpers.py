# The twins: the helper hands the pipeline the messages (it renders them once), and a helper whose callers do not
# all pass a pipeline the code shows built (one passes what its own caller gives it).
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

CHECKPOINT = "meta-llama/Meta-Llama-3-8B-Instruct"


def build_prompt(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def load_pipe():
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    return pipeline("text-generation", model=model, tokenizer=tokenizer)


def answer(pipe, question):
    return pipe([{"role": "user", "content": question}], max_new_tokens=64, return_full_text=False)


def complete(generator, question):
    prompt = build_prompt(generator.tokenizer, question)
    return generator(prompt, max_new_tokens=64)


def serve(backend, question):
    return complete(backend, question)


if __name__ == "__main__":
    chat_pipe = load_pipe()
    print(answer(chat_pipe, "Where is the release checklist?"))
    print(complete(chat_pipe, "Who signs it off?"))
