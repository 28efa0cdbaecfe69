"""The first version of the code of ethics, loaded by the data migration. The office writes new
versions in the admin; this text is the association's own starting point, in full."""

from __future__ import annotations

from datetime import date

VERSION = "2024"
APPLIES_FROM = date(2024, 1, 1)

TEXT_NL = """Erecode voor mindfulnesstrainers

Deze erecode geldt voor iedere trainer die in het register van de vereniging staat. Je accepteert haar bij je registratie en opnieuw bij elke nieuwe versie.

1. Respect en autonomie
Je werkt vanuit respect voor de deelnemer, diens grenzen en diens eigen keuzes. Deelname is altijd vrijwillig. Je dringt niets op: geen oefening, geen overtuiging, geen vervolgtraining.

2. Veiligheid
Je zorgt voor een veilige leeromgeving. Je let op signalen dat een oefening iemand te veel wordt en je biedt dan een andere weg. Bij twijfel over iemands draagkracht bespreek je dit met de deelnemer en verwijs je zo nodig door.

3. Deskundigheid en grenzen
Je werkt binnen de grenzen van je opleiding en ervaring. Je geeft geen behandeling die je niet mag of kunt geven en je noemt een training geen therapie als het dat niet is. Je verwijst door naar een huisarts of andere hulpverlener als dat nodig is.

4. Eigen beoefening
Je beoefent zelf mindfulness, regelmatig en met aandacht. Je onderhoudt je vakmanschap met intervisie, supervisie, retraites en scholing.

5. Vertrouwelijkheid
Wat deelnemers je toevertrouwen, blijft bij jou. Je deelt niets zonder toestemming, behalve wanneer de wet dat vraagt of wanneer iemand in ernstig gevaar is. Je bewaart gegevens zorgvuldig en niet langer dan nodig.

6. Professionele relatie
Je gaat geen persoonlijke, financiële of seksuele relatie aan met een deelnemer zolang de training loopt, en je misbruikt nooit de afhankelijkheid die een training kan geven.

7. Eerlijkheid
Je bent eerlijk over wat een training wel en niet kan, over je kwalificaties en over de kosten. Je belooft geen genezing en je maakt geen reclame die misleidt.

8. Collegialiteit
Je spreekt een collega aan als je denkt dat diens handelen deelnemers schaadt. Je werkt mee aan intervisie en aan de klachtenprocedure van de vereniging.

9. Klachten
Je informeert deelnemers over de klachtenprocedure van de vereniging. Je werkt mee als een klacht over jou wordt behandeld en je aanvaardt de uitspraak van de klachtencommissie.

10. Naleving
Wie deze erecode niet naleeft, kan een waarschuwing of berisping krijgen, geschorst worden of uit het register worden doorgehaald.
"""

TEXT_EN = """Code of ethics for mindfulness trainers

This code of ethics applies to every trainer in the association's register. You accept it when you register and again with every new version.

1. Respect and autonomy
You work with respect for the participant, their limits and their own choices. Taking part is always voluntary. You impose nothing: no exercise, no belief, no follow-up course.

2. Safety
You provide a safe learning environment. You watch for signs that an exercise is too much for someone and then offer another way. When in doubt about someone's resilience, you discuss it with the participant and refer them on where needed.

3. Competence and limits
You work within the limits of your training and experience. You give no treatment you may not or cannot give, and you do not call a course therapy when it is not. You refer to a general practitioner or another professional when that is needed.

4. Your own practice
You practise mindfulness yourself, regularly and with attention. You keep up your skills with intervision, supervision, retreats and training.

5. Confidentiality
What participants entrust to you stays with you. You share nothing without consent, unless the law requires it or someone is in serious danger. You keep records with care and no longer than needed.

6. Professional relationship
You do not enter into a personal, financial or sexual relationship with a participant while the course runs, and you never misuse the dependence a course can create.

7. Honesty
You are honest about what a course can and cannot do, about your qualifications and about the costs. You promise no cure and make no misleading advertising.

8. Collegiality
You speak to a colleague when you think their conduct harms participants. You take part in intervision and in the association's complaints procedure.

9. Complaints
You tell participants about the association's complaints procedure. You cooperate when a complaint about you is handled, and you accept the ruling of the complaints committee.

10. Compliance
A trainer who does not comply with this code may receive a warning or a reprimand, be suspended, or be struck off the register.
"""


def load(EthicsCode=None) -> None:
    """Create the first version if it is missing (the data migration; tests that flush the database)."""
    if EthicsCode is None:
        from kring.complaints.models import EthicsCode
    EthicsCode.objects.get_or_create(
        version=VERSION, defaults={"applies_from": APPLIES_FROM, "text_nl": TEXT_NL, "text_en": TEXT_EN}
    )
