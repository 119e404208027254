MODEL_NAME = "deepseek-ai/deepseek-coder-6.7b-instruct"
SAMPLES = 4
CHAT_KWARGS = {"add_generation_prompt": True}
CHAT_IDS_KWARGS = {"add_generation_prompt": True, "return_dict": False}
