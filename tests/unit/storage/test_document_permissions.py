"""Exports are documents to share: the user's normal permissions, not owner-only."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from drugspreventie_app.storage.atomic import atomic_write_bytes

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_document_gets_the_umask_mode(tmp_path: Path, umask_022) -> None:
    """Regression: exported files were created with mode 0600."""
    target = tmp_path / "handout.pdf"
    atomic_write_bytes(target, b"%PDF", document=True)
    assert mode(target) == 0o644


def test_replaced_document_keeps_its_mode(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "plan.docx"
    target.write_bytes(b"old")
    target.chmod(0o664)
    atomic_write_bytes(target, b"new", document=True)
    assert mode(target) == 0o664 and target.read_bytes() == b"new"


def test_user_data_stays_owner_only(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "werkbank.json"
    atomic_write_bytes(target, b"{}")
    assert mode(target) == 0o600


def test_exports_are_shareable(tmp_path: Path, umask_022) -> None:
    from drugspreventie_app.content.factsheets import all_factsheets
    from drugspreventie_app.domain.factsheet import Audience
    from drugspreventie_app.domain.plan.model import new_plan
    from drugspreventie_app.domain.profile import OrganisationProfile
    from drugspreventie_app.export.handout import HandoutContext, write_handout
    from drugspreventie_app.export.plan_document import write_plan
    from drugspreventie_app.storage.plan_files import export_plan

    ctx = HandoutContext(profile=OrganisationProfile(), logo=None)
    sheet = all_factsheets()[0]
    write_handout(tmp_path / "a.pdf", sheet, Audience.OUDERS, ctx)
    plan = new_plan("Plan", "Gemeente Aalten")
    write_plan(tmp_path / "b.docx", plan, ctx, {}, None)
    export_plan(plan, tmp_path / "c.json")
    assert {mode(p) for p in tmp_path.iterdir()} == {0o644}
