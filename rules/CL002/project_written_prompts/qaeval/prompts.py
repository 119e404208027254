"""Single-turn chat prompts, written in each model family's own format."""


def wrap_chat(system: str, user: str, model_type: str) -> str:
    if model_type == "qwen":
        return f"<|im_start|>system\n{system}<|im_end|>\n<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n"
    if model_type == "llama":
        return (
            f"<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n{system}<|eot_id|>"
            f"<|start_header_id|>user<|end_header_id|>\n\n{user}<|eot_id|>"
            f"<|start_header_id|>assistant<|end_header_id|>\n\n"
        )
    return f"System: {system}\n\nUser: {user}\n\nAssistant:"
