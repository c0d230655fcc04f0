from drugspreventie_app.domain.profile import HelpContact, OrganisationProfile


def test_hostile_but_valid_text_is_accepted_and_roundtrips() -> None:
    profile = OrganisationProfile(
        organisatie='<b>&amp; "quotes" ë 😀',
        email="preventie@ggd.nl",
        telefoon="+31 (0)88 123 45 67",
        website="www.ggd.nl",
        adres="Straat 1\n1234 AB Plaats",
        hulpcontacten=[HelpContact("Jeugdarts", "GGD", "088-1234567"), HelpContact()],
    )
    assert profile.validate() == []
    cleaned = profile.cleaned()
    assert len(cleaned.hulpcontacten) == 1
    assert OrganisationProfile.from_dict(cleaned.to_dict()) == cleaned


def test_problems_are_named_in_dutch() -> None:
    profile = OrganisationProfile(
        organisatie="x" * 301,
        email="geen-adres",
        telefoon="bel me",
        website="niet geldig",
        afdeling="met\x07stuurteken",
        hulpcontacten=[HelpContact("", "rol", "06")],
    )
    problems = "\n".join(profile.validate())
    assert "Naam organisatie is te lang" in problems
    assert "E-mail is geen geldig e-mailadres" in problems
    assert "Telefoon mag alleen" in problems
    assert "Website is geen geldig adres" in problems
    assert "Afdeling bevat onzichtbare stuurtekens" in problems
    assert "Hulpcontact 1 heeft geen naam" in problems
