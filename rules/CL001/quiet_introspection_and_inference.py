# versions: transformers>=4.40,<5
# Template introspection, inference, evaluation, serving and RL rollouts (under transformers 4, where a tokenizing
# render returns the tensor of ids that `generate` takes).
PROBE = [{"role": "user", "content": "x"}, {"role": "assistant", "content": "y"}]


def generation_header(tokenizer):
    with_header = tokenizer.apply_chat_template(PROBE[:1], tokenize=False, add_generation_prompt=True)
    without = tokenizer.apply_chat_template(PROBE[:1], tokenize=False, add_generation_prompt=False)
    return with_header[len(without) :]


def assistant_header_ids(tokenizer):
    probe = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "there"}]
    with_prompt = tokenizer.apply_chat_template(probe, add_generation_prompt=True, return_dict=False)
    plain = tokenizer.apply_chat_template(probe, return_dict=False)
    return with_prompt[len(plain) :]


def prompt_template(tokenizer):
    # the reply's part found by taking one render out of the other: a probe of the template, not data
    user = {"role": "user", "content": "{{prompt}}"}
    reply = {"role": "assistant", "content": "{{response}}"}
    asked = tokenizer.apply_chat_template([user], tokenize=False, add_generation_prompt=True)
    answered = tokenizer.apply_chat_template([user, reply], tokenize=False, add_generation_prompt=True)
    reply_part = answered.replace(asked, "").lstrip()
    return answered.replace(reply_part, "")


def generate_reply(model, tokenizer, messages):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    return model.generate(inputs, max_new_tokens=128)


def evaluate(model, tokenizer, dataset):
    scores = []
    for example in dataset:
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)
        encoded = tokenizer(text, return_tensors="pt", add_special_tokens=False)
        output = model.generate(**encoded)
        scores.append(output)
    return scores


def rollout(llm, tokenizer, batch):
    prompts = [
        tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        for conversation in batch["messages"]
    ]
    return llm.generate(prompts)


class ChatServer:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def respond(self, history):
        ids = self.tokenizer.apply_chat_template(history, add_generation_prompt=True, return_tensors="pt")
        return self.model.generate(ids)


def synthetic_data(model, tokenizer, seeds):
    rows = []
    for seed in seeds:
        prompt = tokenizer.apply_chat_template(seed["messages"], tokenize=False, add_generation_prompt=True)
        rows.append(model.generate(prompt))
    return rows


def docstring_example():
    """Do not do this:

        tokenizer.apply_chat_template(example["messages"], add_generation_prompt=True)
    """
    return "tokenizer.apply_chat_template(example['messages'], add_generation_prompt=True)"



_LOADED = (None, None, "local-model")


def handle_chat(data):
    # a serving handler that unpacks the loaded model with its display name (`label`): it builds no labels
    model, tokenizer, label = _LOADED
    prompt = tokenizer.apply_chat_template(data["messages"], tokenize=False, add_generation_prompt=True)
    return {"model": str(label), "prompt": prompt}
