from .dataset import InstructionSet
from .templates import TEMPLATES, InstructionTemplate

__all__ = ["InstructionSet", "InstructionTemplate", "TEMPLATES"]
