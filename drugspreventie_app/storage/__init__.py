"""Storage layer: the user's data in one TinyDB file, written atomically and backed up."""
