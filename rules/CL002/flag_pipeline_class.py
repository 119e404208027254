# A `text-generation` pipeline built by its class (`TextGenerationPipeline(model=..., tokenizer=...)`) rather than by
# `pipeline(...)`, returned by a loader and handed to a helper: the rendered prompt it is called with is tokenized
# again with special tokens on. The default checkpoint is Llama 3.1's, whose template writes a BOS.
import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer, TextGenerationPipeline


def load_pipeline(model_name):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name, device_map="auto")
    return TextGenerationPipeline(model=model, tokenizer=tokenizer), tokenizer


def translate(pipe: TextGenerationPipeline, tokenizer, text):
    chat = [{"role": "system", "content": "Translate into French."}, {"role": "user", "content": text}]
    prompt = tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
    return pipe(prompt, max_new_tokens=256, return_full_text=False)[0]["generated_text"]  # expect: CL002 "`text-generation` pipeline"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    args = parser.parse_args()
    pipe, tokenizer = load_pipeline(args.model)
    print(translate(pipe, tokenizer, "Good morning"))
