# Renders each conversation to text, into the column the options name: the text already holds the template's BOS.
from .options import Options


def render_rows(row, tok, opts: Options):
    return {opts.text_column: tok.apply_chat_template(row[opts.conversation_column], tokenize=False)}
