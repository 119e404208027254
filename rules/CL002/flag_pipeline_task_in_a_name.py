# The pipeline's task held in a name the module sets to "text-generation" only: the rendered prompt it is called with
# gets a second BOS from the pipeline's tokenizer.
from transformers import pipeline

TASK = "text-generation"


class Assistant:
    def __init__(self, model, tokenizer):
        self.tokenizer = tokenizer
        self.generator = pipeline(TASK, model=model, tokenizer=tokenizer)

    def reply(self, question):
        prompt = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True
        )
        return self.generator(prompt, max_new_tokens=256)[0]["generated_text"]  # expect: CL002 "a transformers `text-generation` pipeline"
