# The code computes its own loss from the logits: shifting the targets there is right (mlx-lm, nanoGPT style).
import torch.nn.functional as F


def loss_step(model, batch):
    inputs = batch[:, :-1]
    targets = batch[:, 1:]
    logits = model(inputs)
    return F.cross_entropy(logits.flatten(0, 1), targets.flatten())


def call_with_labels(model, batch):
    # unshifted labels: the model shifts them
    return model(input_ids=batch["input_ids"], labels=batch["input_ids"]).loss
