# versions: trl==0.13.0
# The first release with the fix: nothing to report.
from trl import GKDTrainer
from trl.trainer.utils import DataCollatorForChatML

collator = DataCollatorForChatML(tokenizer=None)
trainer = GKDTrainer
