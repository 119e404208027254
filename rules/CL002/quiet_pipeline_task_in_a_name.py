# The twin: the name holding the pipeline's task is "text2text-generation" for a seq2seq model, so which task runs
# is not known here.
from transformers import pipeline


class Assistant:
    def __init__(self, model, tokenizer, seq2seq=False):
        self.tokenizer = tokenizer
        task = "text-generation"
        if seq2seq:
            task = "text2text-generation"
        self.generator = pipeline(task, model=model, tokenizer=tokenizer)

    def reply(self, question):
        prompt = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True
        )
        return self.generator(prompt, max_new_tokens=256)[0]["generated_text"]
