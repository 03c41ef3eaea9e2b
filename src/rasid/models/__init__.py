"""Learned components that run on NumPy: their weights ship in resources/models/."""
