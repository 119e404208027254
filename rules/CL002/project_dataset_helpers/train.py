# A dataset rendered by one module is handed to a function of another that tokenizes its column again with special
# tokens on: a second BOS in every sequence. Quiet: the helper that turns them off, and a corpus never rendered.
from transformers import AutoTokenizer

from pipeline.rendering import plain_split, rendered_split
from pipeline.tokenizing import encode_column, encode_dataset, encode_dataset_plain, pack_dataset

tok = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
chats = rendered_split("chats.jsonl", "train", tok)
train_set = encode_dataset(chats, tok)  # expect: CL002 "column `formatted` of `chats`"
same_set = encode_dataset_plain(rendered_split("chats.jsonl", "train", tok), tok)
corpus_set = encode_dataset(plain_split("corpus.jsonl", "train"), tok)
by_column = encode_column(chats, tok, "formatted")  # expect: CL002 "through the helper `encode_column`"
other_column = encode_column(chats, tok, "source")
packed = pack_dataset(chats, tok, text_field="formatted")  # expect: CL002 "through the helper `pack_dataset`"
plain_packed = pack_dataset(plain_split("corpus.jsonl", "train"), tok)
