"""Small tables of facts about models and libraries that the rules consult: data, no analysis."""
