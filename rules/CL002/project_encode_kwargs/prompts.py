def relevance_prompt(tokenizer, query, document):
    messages = [{"role": "user", "content": f"Query: {query}\nDocument: {document}\nRelevant? Answer yes or no."}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
