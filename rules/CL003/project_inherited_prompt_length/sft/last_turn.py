from .encoders import ChatEncoder


class LastTurnEncoder(ChatEncoder):
    def __call__(self, example):
        messages = example["messages"]
        input_ids = self.render_ids(messages)
        n_prompt = self.prompt_length(messages)  # expect: CL003 "through the helper `ChatEncoder.prompt_length`"
        labels = [-100] * n_prompt + input_ids[n_prompt:]
        return {"input_ids": input_ids, "labels": labels}


class HeaderAwareEncoder(ChatEncoder):
    def __call__(self, example):
        messages = example["messages"]
        input_ids = self.render_ids(messages)
        n_prompt = self.header_length(messages)
        labels = [-100] * n_prompt + input_ids[n_prompt:]
        return {"input_ids": input_ids, "labels": labels}
