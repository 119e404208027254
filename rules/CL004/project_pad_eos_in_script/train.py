# A training script (sibling import) makes padding the EOS token and hands the tokenizer to the collator that masks
# by value: every EOS target is masked. The finding is here, where the fix goes (a dedicated pad token).
from transformers import AutoTokenizer, Trainer

from collate import ChatCollator

tokenizer = AutoTokenizer.from_pretrained("my-org/chat-model")
tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`ChatCollator` (collate.py:12) masks labels by value"
trainer = Trainer(model=None, data_collator=ChatCollator(tokenizer))
