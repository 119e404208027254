# The reward model's prompt: the question alone, rendered as a chat.


def render_for_reward_model(tokenizer, question):
    return tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False)
