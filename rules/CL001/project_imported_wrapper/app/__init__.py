from app.chat_utils import render_chat

__all__ = ["render_chat"]
