"""Load and save the organisation profile (settings) in the user database."""

from __future__ import annotations

from drugspreventie_app.domain.profile import OrganisationProfile
from drugspreventie_app.domain.text_policy import clean_tree
from drugspreventie_app.storage.database import Database
from drugspreventie_app.storage.errors import StorageError
from drugspreventie_app.storage.records import get_by_id, upsert

TABLE = "instellingen"
PROFILE_ID = "organisatieprofiel"


class InvalidProfileError(StorageError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class ProfileRepository:
    def __init__(self, db: Database) -> None:
        self._table = db.table(TABLE)

    def load(self) -> OrganisationProfile:
        record = get_by_id(self._table, PROFILE_ID)
        return OrganisationProfile.from_dict(record or {})

    def save(self, profile: OrganisationProfile) -> OrganisationProfile:
        # the one text rule, as for everything typed: what it cannot accept never gets stored
        profile = OrganisationProfile.from_dict(clean_tree(profile.to_dict())[0])
        problems = profile.validate()
        if problems:
            raise InvalidProfileError(problems)
        cleaned = profile.cleaned()
        upsert(self._table, {"id": PROFILE_ID, **cleaned.to_dict()})
        return cleaned
