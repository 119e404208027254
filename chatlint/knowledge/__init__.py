"""Small data tables the analysis reads on demand (never the libraries they describe)."""
