# versions: trl>=0.29,<1.10
# A PPO script that pads with EOS: trl's PPOTrainer ends each sampled response at its first pad id and drops the
# rest from the loss, so the EOS that ends a response (the same id) is never trained on, and the policy never
# learns to stop.
from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification, AutoTokenizer
from trl.experimental.ppo import PPOConfig, PPOTrainer


def train(name, reward_name, dataset):
    tokenizer = AutoTokenizer.from_pretrained(name)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`PPOTrainer(...)` ends each response at its first pad id"
    policy = AutoModelForCausalLM.from_pretrained(name)
    value_model = AutoModelForSequenceClassification.from_pretrained(reward_name, num_labels=1)
    reward_model = AutoModelForSequenceClassification.from_pretrained(reward_name, num_labels=1)
    trainer = PPOTrainer(
        args=PPOConfig(output_dir="out"),
        processing_class=tokenizer,
        model=policy,
        ref_model=None,
        reward_model=reward_model,
        value_model=value_model,
        train_dataset=dataset,
    )
    trainer.train()
