# The twins of flag_pipeline_class.py: the pipeline built by its class is handed the messages (it renders them
# once), or the rendered prompt with `add_special_tokens=False`; and a pipeline of another class is not one that
# tokenizes a chat prompt.
import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer, SummarizationPipeline, TextGenerationPipeline


def load_pipeline(model_name):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name, device_map="auto")
    return TextGenerationPipeline(model=model, tokenizer=tokenizer), tokenizer


def translate(pipe: TextGenerationPipeline, text):
    chat = [{"role": "system", "content": "Translate into French."}, {"role": "user", "content": text}]
    return pipe(chat, max_new_tokens=256)[0]["generated_text"]


def translate_rendered(pipe: TextGenerationPipeline, tokenizer, text):
    chat = [{"role": "user", "content": f"Translate into French: {text}"}]
    prompt = tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
    return pipe(prompt, max_new_tokens=256, add_special_tokens=False, return_full_text=False)[0]["generated_text"]


def summarize(model, tokenizer, text):
    summarizer = SummarizationPipeline(model=model, tokenizer=tokenizer)
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": text}], tokenize=False)
    return summarizer(prompt)[0]["summary_text"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    args = parser.parse_args()
    pipe, tokenizer = load_pipeline(args.model)
    print(translate(pipe, "Good morning"), translate_rendered(pipe, tokenizer, "Good night"))
