# Scores a question's prompt with the reward model its caller loads: the script that does loads a Llama 3 reward
# model, whose template writes the BOS the tokenizer adds again.
from evalkit.rm_prompts import render_for_reward_model


def score(reward_model, tokenizer, question):
    inputs = tokenizer(render_for_reward_model(tokenizer, question), return_tensors="pt")  # expect: CL002 "`render_for_reward_model`"
    return reward_model(**inputs).logits[0, 0].item()
