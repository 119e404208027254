# The twins of flag_serving_engines.py: engines given token ids or the conversation itself, `generate` methods
# that are not a serving engine's, and a completions request that turns special tokens off.
from vllm import SamplingParams
from vllm.inputs import TokensPrompt


def sample_ids(llm, tokenizer, conversations):
    ids = [tokenizer.apply_chat_template(c, add_generation_prompt=True, return_dict=False) for c in conversations]
    return llm.generate([TokensPrompt(prompt_token_ids=x) for x in ids], SamplingParams(max_tokens=256))


def sample_chat(llm, conversations):
    return llm.chat(conversations, SamplingParams(max_tokens=256))


def sample_plain(llm, documents):
    # documents that never went through a chat template need the BOS the engine adds
    return llm.generate(documents, SamplingParams(max_tokens=256))


class Client:
    def __init__(self, endpoint):
        self.api = RemoteCompletions(endpoint)

    def run(self, tokenizer, conversation):
        # a completion client of the project's own: what it does with the text is not known here
        prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.api.generate(prompt)


class RemoteCompletions:
    def __init__(self, endpoint):
        self.endpoint = endpoint

    def generate(self, prompt):
        return {"endpoint": self.endpoint, "prompt": prompt}



def complete_without_specials(client, tokenizer, conversation):
    # vLLM's server takes `add_special_tokens` in the request's extra body
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return client.completions.create(model="served", prompt=prompt, extra_body={"add_special_tokens": False})


def complete_with_options(client, tokenizer, conversation, options, flag_key):
    # extra bodies that may hold `add_special_tokens`: filled from options, by a key not in view, or handed in
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    extra_body = {"top_k": 20}
    extra_body.update(options)
    client.completions.create(model="served", prompt=prompt, extra_body=extra_body)
    keyed = {}
    keyed[flag_key] = False
    client.completions.create(model="served", prompt=prompt, extra_body=keyed)
    return client.completions.create(model="served", prompt=prompt, extra_body=options)


def chat(client, conversation):
    # the server renders the conversation itself
    return client.chat.completions.create(model="served", messages=conversation)


def ask_chat_server(post_request, tokenizer, conversation, port):
    # a chat endpoint renders what it is given (here a text it takes for a user turn: not a second BOS)
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return post_request(prompt=prompt, api_url=f"http://127.0.0.1:{port}/v1/chat/completions")
