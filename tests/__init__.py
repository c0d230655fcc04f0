"""The test suite. A package of its own, so that `tests.helpers` resolves here even when an
installed distribution (textstat 0.7.13 does) ships a top-level `tests` package."""
