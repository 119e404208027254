"""Command line: sample answers with the chat template."""
import argparse


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    parser.add_argument("--add-generation-prompt", action="store_true")
    return parser.parse_args()
