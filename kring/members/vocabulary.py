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


def load(apps=None) -> None:
    """Create or update the vocabularies. ``apps`` is the migration's app registry, if any; tests that
    flush the database (browser journeys) call it again without one."""
    if apps is None:
        from django.apps import apps
    for model, rows in [("WorkDomain", WORK_DOMAINS), ("TargetGroup", TARGET_GROUPS), ("SpokenLanguage", LANGUAGES)]:
        Model = apps.get_model("members", model)
        for position, (code, nl, en) in enumerate(rows):
            Model.objects.update_or_create(code=code, defaults={"name_nl": nl, "name_en": en, "position": position})
    TaughtProgramme = apps.get_model("members", "TaughtProgramme")
    for position, (code, nl, en, reimbursed) in enumerate(TAUGHT_PROGRAMMES):
        TaughtProgramme.objects.update_or_create(
            code=code,
            defaults={"name_nl": nl, "name_en": en, "position": position, "counts_for_reimbursement": reimbursed},
        )
    MembershipType = apps.get_model("members", "MembershipType")
    for position, (code, nl, en, fee) in enumerate(MEMBERSHIP_TYPES):
        MembershipType.objects.update_or_create(
            code=code, defaults={"name_nl": nl, "name_en": en, "position": position, "annual_fee": fee}
        )
