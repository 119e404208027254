from dataclasses import dataclass

from transformers import AutoTokenizer

CHECKPOINT = "google/gemma-2-2b-it"


@dataclass
class Rollout:
    prompt_text: str
    completion_text: str
    reward: float = 0.0


def sample(questions, generate):
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    rollouts = []
    for question in questions:
        prompt = tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True
        )
        rollouts.append(Rollout(prompt_text=prompt, completion_text=generate(prompt)))
    return rollouts
