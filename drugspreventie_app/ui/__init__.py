"""User interface (Qt widgets). Talks to storage only through the repositories."""
