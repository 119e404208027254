# Scores prompts with a Llama 3 reward model.
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from evalkit.scoring import score

REWARD_MODEL = "Skywork/Skywork-Reward-Llama-3.1-8B"


def main(questions):
    tokenizer = AutoTokenizer.from_pretrained(REWARD_MODEL)
    reward_model = AutoModelForSequenceClassification.from_pretrained(REWARD_MODEL)
    return [score(reward_model, tokenizer, question) for question in questions]
