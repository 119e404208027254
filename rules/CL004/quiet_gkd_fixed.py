# versions: trl>=1.9
# GKD on trl 1.9 or later masks the completions it generates by position (up to the first EOS), so an EOS used as
# the pad token keeps its labels.
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl.experimental.gkd import GKDConfig, GKDTrainer


def distill(student_name, teacher_name, dataset):
    tokenizer = AutoTokenizer.from_pretrained(student_name)
    tokenizer.pad_token = tokenizer.eos_token
    student = AutoModelForCausalLM.from_pretrained(student_name)
    teacher = AutoModelForCausalLM.from_pretrained(teacher_name)
    config = GKDConfig(output_dir="out", lmbda=0.5)
    trainer = GKDTrainer(
        model=student, teacher_model=teacher, args=config, train_dataset=dataset, processing_class=tokenizer
    )
    trainer.train()
