# IBM's Granite 3 models (and the speech models built on them) render turns as `<|start_of_role|>user<|end_of_role|>`
# with no BOS: the processor's special tokens add the only one there is.
from transformers import AutoModelForSpeechSeq2Seq, AutoProcessor

CHECKPOINT = "ibm-granite/granite-speech-3.3-8b"


def transcribe(waveform):
    processor = AutoProcessor.from_pretrained(CHECKPOINT)
    model = AutoModelForSpeechSeq2Seq.from_pretrained(CHECKPOINT)
    chat = [{"role": "user", "content": "<|audio|>can you transcribe the speech into a written format?"}]
    prompt = processor.tokenizer.apply_chat_template(chat, tokenize=False, add_generation_prompt=True)
    inputs = processor(prompt, waveform, return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=200)
