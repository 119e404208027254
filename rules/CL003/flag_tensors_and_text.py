# Tensors, text slices and (tokens, offset) pairs handed to a trainer.
import torch


class SFTCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        batch_ids, batch_labels = [], []
        for example in examples:
            chat = example["messages"]
            ids = self.tokenizer.apply_chat_template(chat, return_tensors="pt", return_dict=False)[0]
            prompt = self.tokenizer.apply_chat_template(  # expect: CL003 "masks the labels at `labels[: prompt.shape[-1]] = -100`"
                chat[:-1], return_tensors="pt", return_dict=False
            )
            labels = ids.clone()
            labels[: prompt.shape[-1]] = -100
            batch_ids.append(ids)
            batch_labels.append(labels)
        return {
            "input_ids": torch.nn.utils.rnn.pad_sequence(batch_ids, batch_first=True),
            "labels": torch.nn.utils.rnn.pad_sequence(batch_labels, batch_first=True, padding_value=-100),
        }


def split_response(data, tokenizer):
    # the response text is cut off the full render at the prompt's length
    prompt = tokenizer.apply_chat_template(data["messages"][:-1], tokenize=False)  # expect: CL003 'renders `data["messages"][:-1]`, which stops before the reply'
    response = tokenizer.apply_chat_template(data["messages"], tokenize=False)[len(prompt) :]
    return prompt, response


class ChatDataset:
    """Hands `(tokens, offset)` to a trainer that masks the first `offset` tokens."""

    def __init__(self, data, tokenizer, mask_prompt=True):
        self._data = data
        self.tokenizer = tokenizer
        self.mask_prompt = mask_prompt

    def process(self, d):
        messages = d["messages"]
        tokens = self.tokenizer.apply_chat_template(messages, tools=d.get("tools"), return_dict=False)
        if self.mask_prompt:
            messages = messages[:-1]
            tools = d.get("tools")
            prompt_ids = self.tokenizer.apply_chat_template(messages, tools=tools, return_dict=False)  # expect: CL003 "at `(tokens, offset)`, the full render paired with the prompt length"
            offset = len(prompt_ids)
            return (tokens, offset)
        return tokens


def unmask_the_reply(example, tokenizer):
    # everything starts masked and the part after the prompt is copied back in: the header is copied too
    input_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    labels = [-100] * len(input_ids)
    prompt_len = len(tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False))  # expect: CL003 "masks the labels at `labels[prompt_len:] = input_ids[prompt_len:]`"
    labels[prompt_len:] = input_ids[prompt_len:]
    return {"input_ids": input_ids, "labels": labels}


def train_every_reply(example, tokenizer):
    # multi-turn: each reply's span starts after the turns before it, rendered without the header
    conversation = example["messages"]
    input_ids = tokenizer.apply_chat_template(conversation, return_dict=False)
    labels = [-100] * len(input_ids)
    for index, message in enumerate(conversation):
        if message["role"] != "assistant":
            continue
        start = len(tokenizer.apply_chat_template(conversation[:index], return_dict=False))  # expect: CL003 "renders `conversation[:index]`, which stops before the reply"
        end = len(tokenizer.apply_chat_template(conversation[: index + 1], return_dict=False))
        labels[start:end] = input_ids[start:end]
    return {"input_ids": input_ids, "labels": labels}
