# A processor call spreads the keywords a function of the module returns (`**audio_kwargs(audio=audio)`), and every
# dict that function returns is written out without `add_special_tokens`: the processor adds its BOS to the render,
# which already starts with the template's.
from transformers import AutoProcessor

processor = AutoProcessor.from_pretrained("google/gemma-3-4b-it")


def audio_kwargs(audio=None):
    if audio is None:
        return {}
    return {"audio": [audio], "sampling_rate": 16000}


def video_kwargs(fps):
    return dict(videos_kwargs={"fps": fps, "do_sample_frames": False})


def training_inputs(messages, frames, audio=None):
    text = processor.apply_chat_template(messages, tokenize=False)
    return processor(  # expect: CL002 "`[text]` holds texts rendered by"
        text=[text],
        videos=[frames],
        return_tensors="pt",
        **audio_kwargs(audio=audio),
        **video_kwargs(fps=2),
    )
