# An agent rollout manager that builds ChatML itself: it cuts each turn at `<|im_start|>assistant` for its loss
# mask and stops generation at `<|im_start|>`. Code written for ChatML templates, which write no BOS, so tokenizing
# the render with special tokens on adds none twice.
class ContextManager:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.turn_start = tokenizer.encode("<|im_start|>", add_special_tokens=False)[0]

    def loss_mask(self, ids):
        mask, inside = [], False
        for token in ids:
            if token == self.turn_start:
                inside = False
            mask.append(1 if inside else 0)
        return mask

    def prepare(self, histories):
        texts = [self.tokenizer.apply_chat_template(h, tokenize=False, add_generation_prompt=True) for h in histories]
        return self.tokenizer(texts, padding=True, return_tensors="pt")
