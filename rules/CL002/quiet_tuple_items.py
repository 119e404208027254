# The twins of flag_tuple_items.py: the other element of the pair (the answer, plain text), and renders tokenized
# without special tokens; the batch beside its renders (plain questions) handed to vLLM.
from vllm import LLM


def encode_answers(tokenizer, chats):
    pairs = [(tokenizer.apply_chat_template(chat[:-1], tokenize=False, add_generation_prompt=True), chat[-1]["content"]) for chat in chats]
    encoded = []
    for prompt, answer in pairs:
        encoded.append((tokenizer(prompt, add_special_tokens=False)["input_ids"], tokenizer(answer)["input_ids"]))
    return encoded


def second_elements(tokenizer, chats):
    pairs = []
    for chat in chats:
        pairs.append((chat[-1]["content"], tokenizer.apply_chat_template(chat, tokenize=False)))
    return [tokenizer.encode(pairs[i][0]) for i in range(len(pairs))]


def generate_questions(checkpoint, conversations):
    llm = LLM(checkpoint)
    tokenizer = llm.get_tokenizer()
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    questions = [c[-1]["content"] for c in conversations]
    outputs = []
    for renders, plain in [(prompts, questions)]:
        outputs += llm.generate(prompts=plain)
    return outputs
