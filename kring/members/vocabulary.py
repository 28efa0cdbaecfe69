"""The association's standard vocabularies. Loaded by a data migration; the office can extend them."""

WORK_DOMAINS = [
    ("healthcare", "Gezondheidszorg", "Healthcare"),
    ("mental-healthcare", "Geestelijke gezondheidszorg (ggz)", "Mental healthcare"),
    ("education", "Onderwijs", "Education"),
    ("business", "Bedrijfsleven en organisaties", "Business and organisations"),
    ("general-public", "Vrije vestiging / algemeen publiek", "Private practice / general public"),
    ("youth-care", "Jeugdzorg", "Youth care"),
]
TARGET_GROUPS = [
    ("adults", "Volwassenen", "Adults"),
    ("youth", "Jongeren", "Young people"),
    ("children", "Kinderen", "Children"),
    ("elderly", "Ouderen", "Older people"),
    ("patients", "Patiënten", "Patients"),
    ("employees", "Werknemers", "Employees"),
    ("parents", "Ouders", "Parents"),
]
LANGUAGES = [
    ("nl", "Nederlands", "Dutch"),
    ("en", "Engels", "English"),
    ("fr", "Frans", "French"),
    ("de", "Duits", "German"),
    ("ar", "Arabisch", "Arabic"),
    ("tr", "Turks", "Turkish"),
]
# (code, Dutch, English, counts for insurers' reimbursement)
TAUGHT_PROGRAMMES = [
    ("mbsr", "MBSR", "MBSR", True),
    ("mbct", "MBCT", "MBCT", True),
    ("mbcl", "MBCL (compassie)", "MBCL (compassion)", False),
    ("mbsr-youth", "MBSR voor jongeren", "MBSR for young people", False),
    ("mindful-parenting", "Mindful ouderschap", "Mindful parenting", False),
    ("msc", "Mindful Self-Compassion", "Mindful Self-Compassion", False),
]
# (code, Dutch, English, annual fee in euros)
MEMBERSHIP_TYPES = [
    ("trainer", "Trainerslid", "Trainer member", "245.00"),
    ("practitioner", "Beoefenaar", "Practitioner", "85.00"),
    ("student", "Studentlid", "Student member", "45.00"),
    ("institute", "Instituut", "Institute", "450.00"),
    ("honorary", "Erelid", "Honorary member", "0.00"),
]


MODELS = ("WorkDomain", "TargetGroup", "SpokenLanguage", "TaughtProgramme", "MembershipType")


def load(models=None) -> None:
    """Create or update the vocabularies. ``models`` maps each name in ``MODELS`` to its model class: the
    migration passes its historical models; tests that flush the database (browser journeys) call it
    again without, and get the current ones."""
    if models is None:
        from kring.members import models as current

        models = {name: getattr(current, name) for name in MODELS}
    for name, rows in [("WorkDomain", WORK_DOMAINS), ("TargetGroup", TARGET_GROUPS), ("SpokenLanguage", LANGUAGES)]:
        for position, (code, nl, en) in enumerate(rows):
            models[name].objects.update_or_create(
                code=code, defaults={"name_nl": nl, "name_en": en, "position": position}
            )
    for position, (code, nl, en, reimbursed) in enumerate(TAUGHT_PROGRAMMES):
        models["TaughtProgramme"].objects.update_or_create(
            code=code,
            defaults={"name_nl": nl, "name_en": en, "position": position, "counts_for_reimbursement": reimbursed},
        )
    for position, (code, nl, en, fee) in enumerate(MEMBERSHIP_TYPES):
        models["MembershipType"].objects.update_or_create(
            code=code, defaults={"name_nl": nl, "name_en": en, "position": position, "annual_fee": fee}
        )
