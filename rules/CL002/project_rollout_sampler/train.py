# Wires the loop from a YAML file that names the model.
import sys

import yaml
from transformers import AutoModelForCausalLM, AutoTokenizer

from rollout.data import PromptDataset
from rollout.sampling import Sampler
from rollout.trainer import GroupTrainer


def main(config_path):
    with open(config_path) as handle:
        cfg = yaml.safe_load(handle)
    tokenizer = AutoTokenizer.from_pretrained(cfg["model"])
    policy = AutoModelForCausalLM.from_pretrained(cfg["model"])
    dataset = PromptDataset(cfg["train_file"], tokenizer)
    sampler = Sampler(cfg["model"], cfg["group_size"])
    trainer = GroupTrainer(policy, tokenizer, sampler, dataset)
    for step in range(cfg["steps"]):
        trainer.step(range(step * 4, step * 4 + 4))


if __name__ == "__main__":
    main(sys.argv[1])
