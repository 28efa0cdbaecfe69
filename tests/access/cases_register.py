from tests.access.matrix import EVERYONE, Case

OFFICE = frozenset({"office"})


def trainer_number(personas):
    return {"number": personas["trainer"].registrations.get().number}


CASES = [
    Case("register:search", EVERYONE),
    Case("register:search", EVERYONE, query="?postcode=3512&distance=25&programme=mbsr"),
    Case("register:detail", EVERYONE, kwargs=trainer_number),
    Case("register:detail", EVERYONE, kwargs=lambda personas: {"number": "999999"}, ok=(404,)),
    Case("register:proof", EVERYONE, kwargs=trainer_number),
    Case("register:open_data_csv", EVERYONE),
    Case("register:open_data_json", EVERYONE),
    Case("register:office_register_csv", OFFICE),
    Case("register:office_recognitions_csv", OFFICE),
    Case("admin:register_registration_changelist", OFFICE),
]
