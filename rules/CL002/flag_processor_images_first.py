# A processor called with its images first and the rendered text second (Mllama's and LLaVA's processors take them
# so): the text, which starts with the template's BOS, is tokenized again with special tokens on.
from transformers import AutoProcessor

processor = AutoProcessor.from_pretrained("meta-llama/Llama-3.2-11B-Vision-Instruct")


def prepare(images, question):
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
    input_text = processor.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    return processor(images, input_text, return_tensors="pt")  # expect: CL002 "`input_text` is rendered by"
