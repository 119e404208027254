# Fine-tunes any vision-language checkpoint: `AutoModelForVision2Seq` loads whatever it is given.
import sys

from transformers import AutoModelForVision2Seq, AutoProcessor

from collate_any import AnyCollator


def main(name=sys.argv[1]):
    processor = AutoProcessor.from_pretrained(name)
    model = AutoModelForVision2Seq.from_pretrained(name)
    return model, AnyCollator(processor)
