MESSAGES_KEY = "messages"
TEXT_KEY = "text"
SOURCE_KEY = "source"
INPUT_IDS_KEY = "input_ids"
