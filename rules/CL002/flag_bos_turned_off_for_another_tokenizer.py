# The class turns the BOS off on its draft model's tokenizer only: the main tokenizer, which tokenizes the rendered
# prompt, still adds one; the same when only the draft tokenizer is loaded with its BOS off.
from transformers import AutoTokenizer


class SpeculativeGenerator:
    def __init__(self, tokenizer, draft_tokenizer):
        self.tokenizer = tokenizer
        self.draft_tokenizer = draft_tokenizer
        self.draft_tokenizer.add_bos_token = False

    def tokenize_prompt(self, prompt):
        messages = [{"role": "user", "content": prompt}]
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.tokenizer([text], return_tensors="pt")  # expect: CL002 "`[text]` holds texts"


class DraftedWindow:
    # loaded with its BOS off: the draft tokenizer only; the main one tokenizes the render
    def __init__(self, checkpoint, draft):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.draft_tokenizer = AutoTokenizer.from_pretrained(draft, add_bos_token=False)

    def prompt_ids(self, prompt):
        text = self.tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False)
        return self.tokenizer.encode(text)  # expect: CL002 "`text` is rendered by"


class DraftWithoutBos:
    # the draft tokenizer has no BOS token at all; the main one still writes and adds its own
    def __init__(self, checkpoint, draft):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.draft_tokenizer = AutoTokenizer.from_pretrained(draft)
        self.draft_tokenizer.bos_token = None

    def prompt_ids(self, prompt):
        text = self.tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False)
        return self.tokenizer.encode(text)  # expect: CL002 "`text` is rendered by"
