"""Print the size and file count of the built bundle (make dist, make dist-test)."""

from __future__ import annotations

import sys
from pathlib import Path


def measure(folder: Path) -> tuple[int, int]:
    """(bytes, number of files) of everything under `folder`."""
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return sum(f.stat().st_size for f in files), len(files)


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    if not folder.is_dir():
        print(f"FOUT: {folder} bestaat niet; draai eerst 'make dist'.", file=sys.stderr)
        return 1
    size, count = measure(folder)
    print(f"Bundel {folder}: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), {count} bestanden")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
