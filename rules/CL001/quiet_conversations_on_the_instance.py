# Lists kept on the instance that end with the user's turn when they are rendered: a chat session renders after
# the user's message and appends the reply after generating; a method that starts the list again after the reply.


class ChatSession:
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model
        self.messages = []

    def ask(self, question):
        self.messages.append({"role": "user", "content": question})
        prompt = self.tokenizer.apply_chat_template(self.messages, add_generation_prompt=True, return_dict=True)
        reply = self.model.generate(**prompt)
        self.messages.append({"role": "assistant", "content": reply})
        return reply

    def restart(self, question, answer):
        self.messages.append({"role": "assistant", "content": answer})
        self.messages = [{"role": "user", "content": question}]
        return self.tokenizer.apply_chat_template(self.messages, add_generation_prompt=True, tokenize=False)
