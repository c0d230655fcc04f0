"""Domain layer: plain Python, no Qt, no storage. Tested without a QApplication."""
