# A generic request builder with one model-specific branch: the function-level import there (a helper from a Qwen
# module, not a model or processor class) says that branch is for Qwen, not what the module tokenizes.


def build_inputs(processing_class, messages, add_generation_prompt=False):
    raw_prompt = processing_class.apply_chat_template(messages, add_generation_prompt=add_generation_prompt, tokenize=False)
    model_inputs = processing_class(text=[raw_prompt], return_tensors="pt")  # expect: CL002 "`[raw_prompt]` holds texts rendered by"
    if "Qwen2VL" in type(processing_class).__name__:
        from .models.qwen2_vl import get_rope_index

        model_inputs["position_ids"] = get_rope_index(processing_class, model_inputs["input_ids"])
    return model_inputs
