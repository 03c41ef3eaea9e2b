"""Data files (lexicons, vocabularies, schema) and the catalogue that finds and loads them."""
