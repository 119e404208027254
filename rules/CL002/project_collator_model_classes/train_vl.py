# Fine-tunes a Qwen2-VL checkpoint named on the command line: the model class it imports says which family runs.
from dataclasses import dataclass

from transformers import AutoProcessor, HfArgumentParser, Qwen2VLForConditionalGeneration

from collate_photos import PhotoCollator


@dataclass
class Arguments:
    model_name_or_path: str = "Qwen/Qwen2-VL-7B-Instruct"


def main():
    (args,) = HfArgumentParser(Arguments).parse_args_into_dataclasses()
    processor = AutoProcessor.from_pretrained(args.model_name_or_path)
    model = Qwen2VLForConditionalGeneration.from_pretrained(args.model_name_or_path)
    return model, PhotoCollator(processor)
