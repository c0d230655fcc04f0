"""Build-time helpers for the standalone program (build.spec, bench/frozen_floor.spec)."""
