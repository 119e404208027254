# versions: trl>=0.29.1,<1.15
# A distillation script that pads with EOS and trains with trl's GKDTrainer: before 1.9 the completions it generates
# on policy get their labels masked where they equal the pad id, so the student's EOS is never a target there.
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl.experimental.gkd import GKDConfig, GKDTrainer


def distill(student_name, teacher_name, dataset):
    tokenizer = AutoTokenizer.from_pretrained(student_name)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`GKDTrainer(...)` trains on completions it generates, and trl before 1.9 (`trl<1.15,>=0.29.1`"
    student = AutoModelForCausalLM.from_pretrained(student_name)
    teacher = AutoModelForCausalLM.from_pretrained(teacher_name)
    config = GKDConfig(output_dir="out", lmbda=0.5, beta=0.5, max_new_tokens=256)
    trainer = GKDTrainer(
        model=student, teacher_model=teacher, args=config, train_dataset=dataset, processing_class=tokenizer
    )
    trainer.train()
