# versions: trl==0.12.2
# An affected release, but none of the affected symbols is used.
import trl
from trl import DPOTrainer, SFTConfig, SFTTrainer

# from trl.trainer.utils import DataCollatorForChatML   (a comment is not code)
text = "trl.trainer.utils.DataCollatorForChatML"
print(trl.__version__, DPOTrainer, SFTConfig, SFTTrainer, text)
