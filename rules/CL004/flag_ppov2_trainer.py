# versions: trl==0.11.4
# The same with trl's PPOv2Trainer (the name of PPOTrainer before 0.12): each response ends at its first pad id.
from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification, AutoTokenizer
from trl import PPOv2Config, PPOv2Trainer


def train(name, reward_name, dataset):
    tokenizer = AutoTokenizer.from_pretrained(name, padding_side="left")
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`PPOv2Trainer(...)` ends each response at its first pad id"
    policy = AutoModelForCausalLM.from_pretrained(name)
    ref_policy = AutoModelForCausalLM.from_pretrained(name)
    value_model = AutoModelForSequenceClassification.from_pretrained(reward_name, num_labels=1)
    reward_model = AutoModelForSequenceClassification.from_pretrained(reward_name, num_labels=1)
    trainer = PPOv2Trainer(
        config=PPOv2Config(output_dir="out"),
        tokenizer=tokenizer,
        policy=policy,
        ref_policy=ref_policy,
        reward_model=reward_model,
        value_model=value_model,
        train_dataset=dataset,
    )
    trainer.train()
