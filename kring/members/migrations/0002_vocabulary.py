from django.db import migrations


def load(apps, schema_editor):
    from kring.members import vocabulary as v

    for model, rows in [("WorkDomain", v.WORK_DOMAINS), ("TargetGroup", v.TARGET_GROUPS),
                        ("SpokenLanguage", v.LANGUAGES)]:
        Model = apps.get_model("members", model)
        for position, (code, nl, en) in enumerate(rows):
            Model.objects.update_or_create(code=code, defaults={"name_nl": nl, "name_en": en, "position": position})
    TaughtProgramme = apps.get_model("members", "TaughtProgramme")
    for position, (code, nl, en, reimbursed) in enumerate(v.TAUGHT_PROGRAMMES):
        TaughtProgramme.objects.update_or_create(code=code, defaults={
            "name_nl": nl, "name_en": en, "position": position, "counts_for_reimbursement": reimbursed})
    MembershipType = apps.get_model("members", "MembershipType")
    for position, (code, nl, en, fee) in enumerate(v.MEMBERSHIP_TYPES):
        MembershipType.objects.update_or_create(code=code, defaults={
            "name_nl": nl, "name_en": en, "position": position, "annual_fee": fee})


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
