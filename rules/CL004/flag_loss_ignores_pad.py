# A decoder trained with a loss that ignores every target equal to the pad id, after padding was made the EOS token:
# the EOS targets are ignored too.
import torch.nn.functional as F
from torch import nn
from transformers import AutoModelForCausalLM, AutoTokenizer


class DecoderLoss(nn.Module):
    def __init__(self, decoder_name):
        super().__init__()
        self.tokenizer = AutoTokenizer.from_pretrained(decoder_name)
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token  # expect: CL004 "`nn.CrossEntropyLoss(ignore_index=self.tokenizer.pad_token_id)`"
        self.decoder = AutoModelForCausalLM.from_pretrained(decoder_name)

    def forward(self, input_ids, label_ids):
        logits = self.decoder(input_ids=input_ids).logits
        loss_fct = nn.CrossEntropyLoss(ignore_index=self.tokenizer.pad_token_id)
        return loss_fct(logits.view(-1, logits.shape[-1]), label_ids.reshape(-1))


def shifted_loss(model_name, batch):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token_id = tokenizer.eos_token_id  # expect: CL004 "`F.cross_entropy("
    model = AutoModelForCausalLM.from_pretrained(model_name)
    logits = model(**batch).logits[:, :-1]
    labels = batch["input_ids"][:, 1:]
    return F.cross_entropy(logits.transpose(1, 2), labels, ignore_index=tokenizer.pad_token_id)
