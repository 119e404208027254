"""The models the scoring scripts may run, by the key their `--model` option takes."""

MODELS = {
    "qwen-7b": {"checkpoint": "Qwen/Qwen2.5-7B-Instruct", "dtype": "bfloat16", "shots": 5},
    "qwen-14b": {"checkpoint": "Qwen/Qwen2.5-14B-Instruct", "dtype": "bfloat16", "shots": 3},
}

LLAMA_CHECKPOINTS = {
    "llama-8b": "meta-llama/Llama-3.1-8B-Instruct",
    "llama-3b": "meta-llama/Llama-3.2-3B-Instruct",
}
