from .encoders import ChatFormatter


class TurnMasker(ChatFormatter):
    def build(self, messages):
        input_ids = self.encode(messages)
        turn_ids = [-1] * len(input_ids)
        turn = 0
        for i, message in enumerate(messages):
            if message["role"] != "assistant":
                continue
            start = len(self.encode(messages[:i]))  # expect: CL003 "its length masks the labels at `turn_ids[t] = turn`"
            end = len(self.encode(messages[: i + 1]))
            for t in range(start, min(end, len(input_ids))):
                turn_ids[t] = turn
            turn += 1
        return input_ids, turn_ids


class HeaderTurnMasker(ChatFormatter):
    def build(self, messages):
        input_ids = self.encode(messages)
        loss_mask = [0] * len(input_ids)
        for i, message in enumerate(messages):
            if message["role"] != "assistant":
                continue
            start = len(self.encode(messages[:i], add_generation_prompt=True))
            end = len(self.encode(messages[: i + 1]))
            for t in range(start, min(end, len(input_ids))):
                loss_mask[t] = 1
        return input_ids, loss_mask
