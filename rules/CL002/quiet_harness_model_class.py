# The twins of flag_harness_model_class.py: a harness model class that tokenizes the request's context without
# special tokens; one with no chat template of its own (the harness cannot render with it, so the context is plain
# text); and a class that is not the harness's, whose requests' arguments are not contexts it renders.
from lm_eval.api.model import LM
from transformers import AutoModelForCausalLM, AutoTokenizer


class ChatLM(LM):
    def __init__(self, pretrained: str):
        super().__init__()
        self.tokenizer = AutoTokenizer.from_pretrained(pretrained)
        self.model = AutoModelForCausalLM.from_pretrained(pretrained)

    def apply_chat_template(self, chat_history, add_generation_prompt=True):
        return self.tokenizer.apply_chat_template(
            chat_history, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def generate_until(self, requests):
        outputs = []
        for request in requests:
            context, gen_kwargs = request.args
            inputs = self.tokenizer(context, add_special_tokens=False, return_tensors="pt")
            generated = self.model.generate(**inputs, max_new_tokens=256)
            outputs.append(self.tokenizer.decode(generated[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True))
        return outputs


class PlainLM(LM):
    def __init__(self, pretrained: str):
        super().__init__()
        self.tokenizer = AutoTokenizer.from_pretrained(pretrained)
        self.model = AutoModelForCausalLM.from_pretrained(pretrained)

    def generate_until(self, requests):
        outputs = []
        for request in requests:
            context, gen_kwargs = request.args
            inputs = self.tokenizer(context, return_tensors="pt")
            generated = self.model.generate(**inputs, max_new_tokens=256)
            outputs.append(self.tokenizer.decode(generated[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True))
        return outputs


class Worker:
    def __init__(self, pretrained: str):
        self.tokenizer = AutoTokenizer.from_pretrained(pretrained)

    def apply_chat_template(self, chat_history):
        return self.tokenizer.apply_chat_template(chat_history, tokenize=False, add_generation_prompt=True)

    def run(self, jobs):
        return [self.tokenizer(job.args[0]) for job in jobs]
