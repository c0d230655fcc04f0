"""What exports need from the user's settings: the profile and the logo file, in one call."""

from __future__ import annotations

from pathlib import Path

from drugspreventie_app.domain.plan.model import Plan
from drugspreventie_app.domain.profile import OrganisationProfile, profile_for_plan
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.logo_store import logo_path
from drugspreventie_app.storage.profile_repository import ProfileRepository


def profile_and_logo(db: Database) -> tuple[OrganisationProfile, Path | None]:
    profile = ProfileRepository(db).load()
    return profile, logo_path(profile.logo)


def plan_profile_and_logo(db: Database, plan: Plan) -> tuple[OrganisationProfile, Path | None]:
    """The organisation a plan export prints: the plan's own author organisation."""
    settings = ProfileRepository(db).load()
    profile = profile_for_plan(plan.organisatie, settings)
    return profile, logo_path(profile.logo)
