# The same pad = EOS with the collator that masks padding by position (the attention mask): quiet.
from transformers import AutoTokenizer

from collate import lengths, position_collate

tokenizer = AutoTokenizer.from_pretrained("my-org/chat-model")
tokenizer.pad_token = tokenizer.eos_token
collate = position_collate
sizes = lengths
