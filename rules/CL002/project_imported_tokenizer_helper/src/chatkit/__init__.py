from .tokenization import encode, encode_with

__all__ = ["encode", "encode_with"]
