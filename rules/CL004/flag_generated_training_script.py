# A tool that writes a training script (an f-string, dedented, with a field the tool fills with more code): the
# script pads with EOS and pads labels with transformers' collator, which masks every EOS target.
import textwrap


def training_script(model_path, model_loading):
    return textwrap.dedent(f'''\
        import torch
        from transformers import AutoTokenizer, DataCollatorForLanguageModeling, Trainer

        def load(model_path):
            tokenizer = AutoTokenizer.from_pretrained(model_path)
            if tokenizer.pad_token is None:
                tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "in the script the string at line 7 holds"
        {model_loading}
            return tokenizer

        tokenizer = load("{model_path}")
        collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
        ''')
