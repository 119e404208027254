from .factory import make_engine, make_prompt_builder


class RolloutWorker:
    def __init__(self):
        self.prompter = make_prompt_builder()
        self.engine = make_engine()

    def rollout(self, rows):
        prompts = [self.prompter.build(row) for row in rows]
        return self.engine.sample(prompts)  # expect: CL002 "returned by `PromptBuilder.build`"


class IdsRolloutWorker(RolloutWorker):
    def rollout(self, rows):
        return self.engine.sample_ids([self.prompter.build_ids(row) for row in rows])
