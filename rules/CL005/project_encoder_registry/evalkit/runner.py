from .tasks import ChoiceTask, ListChoiceTask


def budgeted(task: ChoiceTask, docs, budget):
    for doc in docs:
        ids = task.prompt_ids(doc)  # expect: CL005 "`len(ids)`"
        yield ids[-budget:] if len(ids) > budget else ids


def budgeted_lists(task: ListChoiceTask, docs, budget):
    for doc in docs:
        ids = task.prompt_ids(doc)
        yield ids[-budget:] if len(ids) > budget else ids
