"""Errors in shipped content: a broken or replaced content pack, never the user's fault."""


class ContentError(Exception):
    """Dutch message naming the file and what is wrong with it."""
