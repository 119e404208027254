# versions: trl==1.5.0
# A release whose GKDTrainer masks generated completions by the pad id, but the config generates nothing on policy
# (`lmbda=0`: every batch comes from the dataset and its collator, which masks by position).
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl.experimental.gkd import GKDConfig, GKDTrainer


def distill(student_name, teacher_name, dataset):
    tokenizer = AutoTokenizer.from_pretrained(student_name)
    tokenizer.pad_token = tokenizer.eos_token
    student = AutoModelForCausalLM.from_pretrained(student_name)
    teacher = AutoModelForCausalLM.from_pretrained(teacher_name)
    config = GKDConfig(output_dir="out", lmbda=0.0, seq_kd=False)
    trainer = GKDTrainer(
        model=student, teacher_model=teacher, args=config, train_dataset=dataset, processing_class=tokenizer
    )
    trainer.train()
