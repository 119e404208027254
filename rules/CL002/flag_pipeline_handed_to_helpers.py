# A `text-generation` pipeline handed to a helper as a parameter: every call of the helper in the module passes one
# that a loader builds, so the prompt the helper renders with the pipeline's tokenizer (through a function of its
# own) is tokenized again with special tokens on.
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
    prompt = build_prompt(pipe.tokenizer, question)
    return pipe(prompt, max_new_tokens=64, return_full_text=False)  # expect: CL002 "`text-generation` pipeline"


if __name__ == "__main__":
    chat_pipe = load_pipe()
    print(answer(chat_pipe, "Where is the release checklist?"))
