"""chatlint: find chat-template bugs that silently corrupt fine-tuning labels."""

__version__ = "0.1.0"
