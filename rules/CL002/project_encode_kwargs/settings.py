MODEL_ID = "meta-llama/Llama-3.1-8B-Instruct"

ENCODE_KWARGS = dict(padding=True, truncation=True, max_length=1024, return_tensors="pt")
RENDERED_ENCODE_KWARGS = {"padding": True, "return_tensors": "pt", "add_special_tokens": False}
