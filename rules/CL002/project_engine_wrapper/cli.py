import argparse

DEFAULT_MODEL = "Qwen/Qwen2.5-7B-Instruct"


def parse_args(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--questions", required=True)
    return parser.parse_args(argv)
