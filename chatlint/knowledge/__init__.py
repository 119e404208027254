"""Small data tables the rules consult, read on demand: which model families' templates write a BOS, known label
bugs in library releases. Data, no analysis, and never the libraries they describe."""
