# versions: trl>=0.17
# The project declares only trl releases that mask padding by position: its word is taken over the keyword (which
# those releases refuse; that failure is not a label bug).
from transformers import AutoTokenizer
from trl import SFTTrainer


def declared_new(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token
    SFTTrainer(model="m", tokenizer=tokenizer, train_dataset=dataset).train()
