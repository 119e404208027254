# The twins of flag_items_of_instance_lists.py: the items' class renders the messages to ids, which vLLM takes as
# they are; a list of instances of two classes says nothing of which one renders.
from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt


class TrajectoryEncoder:
    def __init__(self, tokenizer, tools):
        self.tokenizer = tokenizer
        self.tools = tools

    def prompt_ids(self, trajectory):
        return self.tokenizer.apply_chat_template(trajectory, tools=self.tools, add_generation_prompt=True, return_dict=False)


class PlainRenderer:
    def __init__(self, tokenizer, tools):
        self.tokenizer = tokenizer

    def prompt_ids(self, trajectory):
        return self.tokenizer.encode(trajectory[-1]["content"])


def rollout(tasks, model="meta-llama/Llama-3.1-8B-Instruct"):
    llm = LLM(model=model)
    tokenizer = llm.get_tokenizer()
    encoders = [TrajectoryEncoder(tokenizer, task.get("tools", [])) for task in tasks]
    trajectories = [[{"role": "user", "content": task["instruction"]}] for task in tasks]
    prompts = [TokensPrompt(prompt_token_ids=encoders[i].prompt_ids(trajectories[i])) for i in range(len(tasks))]
    return llm.generate(prompts, SamplingParams(max_tokens=256))


def mixed(tasks, tokenizer, llm):
    workers = [TrajectoryEncoder(tokenizer, []), PlainRenderer(tokenizer, [])]
    return [llm.generate(TokensPrompt(prompt_token_ids=workers[i % 2].prompt_ids(task))) for i, task in enumerate(tasks)]
