# A collator pads with the pad id, derives the attention mask from it (`input_ids.ne(pad_token_id)`), and masks the
# labels where that mask is off: a mask by value under another name. With pad = EOS, every EOS target goes too.
from torch.nn.utils.rnn import pad_sequence
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B-Instruct")
tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`labels[~attention_mask] = -100`"


class PaddingCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, instances):
        input_ids = pad_sequence(
            [row["input_ids"] for row in instances], batch_first=True, padding_value=self.tokenizer.pad_token_id
        )
        labels = input_ids.clone()
        attention_mask = input_ids.ne(self.tokenizer.pad_token_id)
        labels[~attention_mask] = -100
        return {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels}


collator = PaddingCollator(tokenizer)
