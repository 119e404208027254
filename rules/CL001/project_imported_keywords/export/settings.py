# How every part of the pipeline renders: prompts sent to the server, and finished dialogues written for training.
SERVER_MODEL = "http://localhost:8000/v1"
PROMPT_KWARGS = {"tokenize": False, "add_generation_prompt": True}
DIALOGUE_KWARGS = dict(tokenize=False, add_generation_prompt=False)
