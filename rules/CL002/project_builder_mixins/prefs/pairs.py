from .base import EncodingBase
from .templating import BarePromptTemplating, PromptTemplating


class PreferencePairs(PromptTemplating, EncodingBase):
    def __call__(self, row):
        prompt = self.encode(self.prompt_text(row["chosen"][:-1]))  # expect: CL002 "through the helper `EncodingBase.encode`"
        chosen = self.encode(row["chosen"][-1]["content"], add_special_tokens=False)
        return {"prompt_input_ids": prompt, "chosen_input_ids": chosen}


class BarePreferencePairs(BarePromptTemplating, EncodingBase):
    def __call__(self, row):
        prompt = self.encode(self.prompt_text(row["chosen"][:-1]))
        chosen = self.encode(row["chosen"][-1]["content"], add_special_tokens=False)
        return {"prompt_input_ids": prompt, "chosen_input_ids": chosen}


class QuietPreferencePairs(PromptTemplating, EncodingBase):
    def __call__(self, row):
        prompt = self.encode(self.prompt_text(row["chosen"][:-1]), add_special_tokens=False)
        return {"prompt_input_ids": prompt}
