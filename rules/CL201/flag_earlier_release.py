# versions: trl==0.11.2
# trl 0.11.0 to 0.11.2: the prompt and the reply are tokenized apart with special tokens on.
from trl.trainer.utils import DataCollatorForChatML  # expect: CL201 "trl issue 2169, PR 2172; fixed in trl 0.11.3"

collator = DataCollatorForChatML(tokenizer=None)
