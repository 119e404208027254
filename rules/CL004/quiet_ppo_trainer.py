# versions: trl>=0.29,<1.10
# PPO with a dedicated pad token (trl's own example adds `[PAD]`), and a tokenizer padded with EOS elsewhere in the
# module, for loading a saved policy to chat with: the trainer's responses end at a pad that is not their EOS.
from transformers import AutoModelForCausalLM, AutoModelForSequenceClassification, AutoTokenizer
from trl.experimental.ppo import PPOConfig, PPOTrainer


def train(name, reward_name, dataset):
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.add_special_tokens({"pad_token": "[PAD]"})
    policy = AutoModelForCausalLM.from_pretrained(name)
    policy.resize_token_embeddings(len(tokenizer))
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


def load_for_chat(path):
    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return AutoModelForCausalLM.from_pretrained(path), tokenizer
