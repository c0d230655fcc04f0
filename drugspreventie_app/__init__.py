"""Drugspreventie Werkbank: offline werkbank voor drugspreventie in gemeenten."""

__version__ = "0.1.0"

APP_NAME = "Drugspreventie Werkbank"
