"""Content layer: reads and validates the shipped, read-only files in `data/`."""
