# Ids extended onto a list or searched for a token (a `BatchEncoding` from transformers 5 gives its keys), also
# through a method that keeps its render in a name before returning it (and unwraps a batch of one only for a list).


class TurnEncoder:
    def __init__(self, tokenizer, image_token_id):
        self.tokenizer = tokenizer
        self.image_token_id = image_token_id

    def _render(self, messages, tokenize=False):
        result = self.tokenizer.apply_chat_template(messages, tokenize=tokenize)
        if isinstance(result, list) and result and isinstance(result[0], list):
            return result[0]
        return result

    def encode(self, messages):
        input_ids = []
        for message in messages:
            turn_ids = self._render([message], tokenize=True)  # expect: CL005 "through the wrapper `TurnEncoder._render`"
            if self.image_token_id in turn_ids:
                turn_ids = self.expand_images(turn_ids)
            input_ids += turn_ids
        return input_ids

    def expand_images(self, ids):
        return ids


def system_ids(tokenizer, system):
    ids = []
    ids += tokenizer.apply_chat_template([{"role": "system", "content": system}])  # expect: CL005 "`ids += tokenizer.apply_chat_template"
    return ids


def has_image(tokenizer, messages, image_token_id):
    encoded = tokenizer.apply_chat_template(messages)  # expect: CL005 "`image_token_id in encoded`"
    return image_token_id in encoded
