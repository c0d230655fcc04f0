"""Command line: `drugspreventie` with sub-commands; without one it starts the window."""
