"""Copy the organisation's logo into the data folder, after checking it is a real image.

The profile keeps only the copy's file name, so moving or deleting the original does not break
the handouts.
"""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app import paths
from drugspreventie_app.storage.atomic import atomic_write_bytes
from drugspreventie_app.storage.errors import StorageError

MAX_LOGO_BYTES = 5 * 1024 * 1024
_FORMATS = {"PNG": ".png", "JPEG": ".jpg"}


class InvalidLogoError(StorageError):
    pass


def check_logo(source: Path) -> str:
    """Return the image format ('PNG'/'JPEG') or raise InvalidLogoError in Dutch."""
    try:
        size = source.stat().st_size
    except OSError as err:
        raise InvalidLogoError(f"Het logo {source} kan niet worden gelezen.") from err
    if size > MAX_LOGO_BYTES:
        raise InvalidLogoError(
            f"Het logo is te groot ({size // 1024} kB); kies een afbeelding kleiner dan 5 MB."
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(source) as img:
            fmt = img.format or ""
            img.verify()
        with Image.open(source) as img:
            img.load()  # verify() does not decode the pixels; a truncated file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as err:
        raise InvalidLogoError(
            f"Het bestand {source.name} is geen leesbare PNG- of JPEG-afbeelding."
        ) from err
    if fmt not in _FORMATS:
        raise InvalidLogoError(
            f"Het logo moet een PNG- of JPEG-afbeelding zijn; dit bestand is {fmt or 'onbekend'}."
        )
    return fmt


def import_logo(source: Path) -> str:
    """Validate and copy `source`; returns the file name to store in the profile."""
    fmt = check_logo(Path(source))
    name = f"logo{_FORMATS[fmt]}"
    atomic_write_bytes(paths.user_data_dir() / name, Path(source).read_bytes())
    return name


def logo_path(name: str) -> Path | None:
    """The stored logo's path, or None when no (readable) logo is set."""
    if not name:
        return None
    path = paths.user_data_dir() / Path(name).name  # never follow a path out of the folder
    return path if path.is_file() else None
