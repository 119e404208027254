# An item of a list of one class's instances (`renderers[i]`, with `renderers = [TrajectoryRenderer(tok, tools) for
# ...]`) is an instance of that class: its method renders text with the template's BOS, which vLLM adds again.
from vllm import LLM, SamplingParams


class TrajectoryRenderer:
    def __init__(self, tokenizer, tools):
        self.tokenizer = tokenizer
        self.tools = tools

    def prompt_for(self, trajectory):
        return self.tokenizer.apply_chat_template(trajectory, tools=self.tools, add_generation_prompt=True, tokenize=False)


def rollout(tasks, model="meta-llama/Llama-3.1-8B-Instruct"):
    llm = LLM(model=model)
    tokenizer = llm.get_tokenizer()
    renderers = [TrajectoryRenderer(tokenizer, task.get("tools", [])) for task in tasks]
    trajectories = [[{"role": "user", "content": task["instruction"]}] for task in tasks]
    prompts = [renderers[i].prompt_for(trajectories[i]) for i in range(len(tasks))]
    return llm.generate(prompts, SamplingParams(max_tokens=256))  # expect: CL002 "`renderers[i].prompt_for(..., tokenize=False)`"
