import argparse

from chat import chat
from judge import judge


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--task", choices=["chat", "judge"], default="chat")
    parser.add_argument("--checkpoint_dir", default="outputs/Qwen2.5-1.5B-Instruct-sft")
    parser.add_argument("--judge_model", default="meta-llama/Llama-3.1-8B-Instruct")
    args = parser.parse_args()
    chat(args) if args.task == "chat" else judge(args)


if __name__ == "__main__":
    main()
