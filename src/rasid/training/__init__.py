"""Training data and the training of Rasid's learned components (not imported by a run)."""
