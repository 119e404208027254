# Renders kept as one element of a tuple in a list (a prompt beside its answer), read back by index or by
# unpacking in a loop, then tokenized again with special tokens; a list of renders kept as one element of each tuple
# (a batch beside its options), unpacked in a loop and handed to vLLM.
from vllm import LLM


class QADataset:
    def __init__(self, tokenizer, pairs):
        self.items = []
        for question, answer in pairs:
            prompt = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
            self.items.append((prompt, answer))

    def __getitem__(self, index):
        return self.items[index][0]

    def encoded(self, tokenizer, index):
        return tokenizer.encode(self.items[index][0])  # expect: CL002 "stored in `self.items`"


def encode_pairs(tokenizer, chats):
    pairs = [(tokenizer.apply_chat_template(chat[:-1], tokenize=False, add_generation_prompt=True), chat[-1]["content"]) for chat in chats]
    encoded = []
    for prompt, answer in pairs:
        encoded.append(tokenizer(prompt + answer)["input_ids"])  # expect: CL002 "`prompt + answer` is rendered by"
    return encoded


def generate_batches(checkpoint, conversations):
    llm = LLM(checkpoint)
    tokenizer = llm.get_tokenizer()
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    batches = [(prompts, None)]
    outputs = []
    for batch, schema in batches:
        outputs += llm.generate(prompts=batch)  # expect: CL002 "`batch` holds texts rendered by"
    return outputs
