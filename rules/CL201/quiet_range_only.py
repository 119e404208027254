# versions: trl>=0.11
# A range is no evidence of an affected release (the project may well run 0.13): no finding.
from trl.trainer.utils import DataCollatorForChatML

collator = DataCollatorForChatML(tokenizer=None)
