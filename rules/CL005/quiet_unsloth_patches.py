# A training module that imports Unsloth: under transformers 5 its import patches every tokenizer's
# `apply_chat_template` to pass `return_dict=False` when it tokenizes, so the ids are a list again.
from unsloth import FastLanguageModel


def prompt_ids(model_name, messages):
    model, tokenizer = FastLanguageModel.from_pretrained(model_name)
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    return model, ids[-512:]


def required_prompt_ids(model_name, messages):
    # an import that may fail only to stop the run with a clearer message: Unsloth is there whenever this runs
    try:
        import unsloth
    except ImportError:
        raise SystemExit("this script needs Unsloth: pip install unsloth")
    model, tokenizer = unsloth.FastLanguageModel.from_pretrained(model_name)
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True)[-512:]
