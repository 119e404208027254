# Renders each chat into the column named by a constant; the importers name the column the same way or through
# their configuration.
CHAT_TEXT = "chat_text"


def render_rows(row, tok):
    return {CHAT_TEXT: tok.apply_chat_template(row["conversation"], tokenize=False)}
