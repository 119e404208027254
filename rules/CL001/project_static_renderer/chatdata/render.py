# Rendering helpers grouped on a class as static methods: the tokenizer comes first, then the conversation, then
# the generation-prompt switch.


class ChatRender:
    @staticmethod
    def text(tokenizer, messages, add_generation_prompt=False):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)
