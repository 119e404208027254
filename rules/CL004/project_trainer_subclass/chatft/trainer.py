from transformers import Trainer

IGNORE_INDEX = -100


class MaskingTrainer(Trainer):
    def labels_for(self, inputs):
        labels = inputs["input_ids"].clone()
        labels[labels == self.processing_class.pad_token_id] = IGNORE_INDEX
        return labels

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        outputs = model(input_ids=inputs["input_ids"], labels=self.labels_for(inputs))
        return (outputs.loss, outputs) if return_outputs else outputs.loss
