# versions: trl==0.12.2
# The project pins trl 0.12.2: DataCollatorForChatML ends every example with a trained assistant header.
import trl
import trl.trainer.utils as trl_utils
from trl import GKDConfig, GKDTrainer  # expect: CL201 "`GKDTrainer` (trl.GKDTrainer) with trl 0.12.2"
from trl.trainer.utils import DataCollatorForChatML  # expect: CL201 "trl issue 2449, PR 2450; fixed in trl 0.13.0"


def build_collator(tokenizer):
    return DataCollatorForChatML(tokenizer=tokenizer, max_length=2048)


def build_trainer(model, teacher, tokenizer, dataset):
    args = GKDConfig(output_dir="out")
    return GKDTrainer(model=model, teacher_model=teacher, args=args, processing_class=tokenizer, train_dataset=dataset)


def build_other(tokenizer):
    return trl.trainer.GKDTrainer, trl_utils  # expect: CL201 "Raise the requirement to `trl>=0.13.0`"


def lazily(tokenizer):
    from trl.trainer.gkd_trainer import GKDTrainer as Distiller  # expect: CL201 "trl.trainer.gkd_trainer.GKDTrainer"

    return Distiller
