from types import MappingProxyType

# every render of the project: the prompt's ids as a plain list, on transformers 4 and 5 alike
CHAT_TEMPLATE_KWARGS = MappingProxyType({"add_generation_prompt": True, "tokenize": True, "return_dict": False})
