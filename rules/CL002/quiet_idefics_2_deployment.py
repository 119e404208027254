# A module named for Idefics2 (`idefics_2_deployment.py`, the family's number written apart), whose checkpoint comes
# from a configuration: Idefics2's template starts each message with its role and writes no BOS, so the processor's
# second tokenization adds the only one.
from transformers import AutoModelForVision2Seq, AutoProcessor


class VisionDeployment:
    def __init__(self, config):
        self.processor = AutoProcessor.from_pretrained(config.model_id)
        self.model = AutoModelForVision2Seq.from_pretrained(config.model_id)

    def describe(self, image, question):
        messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
        text = self.processor.apply_chat_template(messages, add_generation_prompt=True)
        inputs = self.processor(text=[text], images=[[image]], return_tensors="pt")
        return self.model.generate(**inputs, max_new_tokens=64)
