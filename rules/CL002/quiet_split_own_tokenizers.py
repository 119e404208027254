# A tokenizer of the project's own that says whether to add a BOS (litgpt's `Tokenizer.encode(text, bos=False)`,
# torchtune's `encode(text, add_bos=False)`): the response's ids appended after the prompt's have no BOS of their
# own, whatever a Hugging Face tokenizer's default would be.
import torch


class InstructionDataset:
    def __init__(self, data, tokenizer, prompt_style):
        self.data = data
        self.tokenizer = tokenizer
        self.prompt_style = prompt_style

    def __getitem__(self, idx):
        example = self.data[idx]
        prompt = self.prompt_style.apply(prompt=example["instruction"])
        encoded_prompt = self.tokenizer.encode(prompt)
        encoded_response = self.tokenizer.encode(example["output"], bos=False, eos=True)
        encoded = torch.cat((encoded_prompt, encoded_response))
        labels = encoded.clone()
        labels[: len(encoded_prompt)] = -100
        return {"input_ids": encoded, "labels": labels}

    def encode_chat(self, messages, response, hf_tokenizer):
        # the template's text (it writes the BOS) read without adding another, then the response without one
        prompt = hf_tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.tokenizer.encode(prompt, add_bos=False) + self.tokenizer.encode(response, add_bos=False)
