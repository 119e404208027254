# Quiet: the checkpoint is the command line's default, a module constant naming Qwen 2.5 (no BOS in its template).
from cli import parse_args
from render import render_questions
from serving import ChatEngine


def main():
    args = parse_args()
    engine = ChatEngine(args.model)
    prompts = render_questions(engine.tokenizer(), open(args.questions).read().splitlines())
    return engine.complete(prompts)
