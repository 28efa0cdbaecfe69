"""The first texts of the public pages, loaded by the data migration and ``seed_demo``
(``public_pages.load``). From then on the words are the office's: it edits them in the admin.

Written for this association from its own words (its mission, vision and strategy) in B1 Dutch with
"je", and in English. The privacy statement says what Kring really stores, why and how long; when
Kring starts to store something new, its text here and the office's live text need the same change.
The name, address, e-mail and phone number are not in these texts: the pages show them from the
association's identity, so they are right after every change the office makes there.
"""

from __future__ import annotations

ABOUT_NL = """\
We zijn een vereniging van mindfulnesstrainers en van mensen die mindfulness beoefenen, in Nederland en Vlaanderen. We willen dat mindfulness mensen verbindt: met zichzelf, met elkaar en met de samenleving.

## Wat is mindfulness voor ons?

Mindfulness is een manier van omgaan met wat er is. Het begint met mildheid, respect en waardigheid. Eerst voor jezelf, en dan ook voor anderen en de wereld. We kijken met open aandacht, ook als iets moeilijk is. Merk je dat je wordt meegesleept? Dan keer je vriendelijk terug. Dat is makkelijker gezegd dan gedaan. Daarom blijf je mindfulness je leven lang oefenen.

## Waar we voor staan

Mindfulness kan bijdragen aan lichamelijk en geestelijk welzijn, en aan vrede en duurzaamheid. Dat willen we samen waarmaken. We gaan voor een samenleving waarin mindfulness verbindt. Onze strategie past in drie woorden: **verbinden, ontmoeten en steunen**.

## Wat we doen

- We houden een openbaar [register](/register/) bij van gecertificeerde mindfulnesstrainers. Zo vind je een trainer bij jou in de buurt. En zorgverzekeraars zien wie er geregistreerd is.
- We certificeren trainers en we [accrediteren opleidingen](/opleidingen/) voor trainers.
- We helpen trainers om samen te leren in **intervisie**: 4 tot 8 collega's bespreken een paar keer per jaar samen hun werk.
- We organiseren [bijeenkomsten](/evenementen/): workshops, jaardagen, congressen en de algemene ledenvergadering (ALV).
- We hebben een [erecode](/erecode/) voor trainers en een klachtencommissie. Heb je een klacht over een trainer? Dan kun je die [bij ons indienen](/klachten/indienen/).

## Vertrouwen in plaats van controle

We gaan uit van vertrouwen, zonder naïef te zijn. Trainers laten zelf zien hoe ze hun vak bijhouden. We vinken zo weinig mogelijk af. Wel leggen we eerlijk verantwoording af aan zorgverzekeraars en aan de mensen die een training volgen. Zij hebben recht op goede kwaliteit.

## Doe mee

Een vereniging is zo sterk als haar leden. Lid zijn betekent dat je deelt, haalt en brengt. Je ideeën zijn welkom, over alles wat we doen. Wil je lid worden? Lees dan [hoe je lid wordt](/lid-worden/).
"""

ABOUT_EN = """\
We are an association of mindfulness trainers and of people who practise mindfulness, in the Netherlands and Flanders. We want mindfulness to connect people: with themselves, with each other and with society.

## What mindfulness means to us

Mindfulness is a way of meeting whatever is there. It starts with gentleness, respect and dignity. First towards yourself, and then towards others and the world. We look with open attention, also when something is difficult. Do you notice that you are carried away? Then you kindly come back. That is easier said than done. That is why you keep practising mindfulness all your life.

## What we stand for

Mindfulness can add to physical and mental well-being, and to peace and sustainability. We want to make that real, together. We work towards a society in which mindfulness connects. Our strategy fits in three words: **connect, meet and support**.

## What we do

- We keep a public [register](/en/register/) of certified mindfulness trainers. You can find a trainer near you. And health insurers can see who is registered.
- We certify trainers and we [accredit programmes](/en/programmes/) that train them.
- We help trainers learn together in **intervision**: 4 to 8 colleagues who discuss their work together a few times a year.
- We organise [events](/en/events/): workshops, annual days, congresses and the general assembly (ALV).
- We have a [code of ethics](/en/code-of-ethics/) for trainers and a complaints committee. Do you have a complaint about a trainer? You can [file it with us](/en/complaints/file/).

## Trust instead of control

We start from trust, without being naive. Trainers show for themselves how they keep up their craft. We tick as few boxes as we can. But we are open and accountable to health insurers and to the people who follow a course. They have a right to good quality.

## Join in

An association is as strong as its members. Being a member means that you share, take and bring. Your ideas are welcome, about everything we do. Would you like to join? Read [how to become a member](/en/become-a-member/).
"""

CONTACT_NL = """\
Heb je een vraag over je lidmaatschap, je registratie of een bijeenkomst? Neem gerust contact op met het bureau. We antwoorden meestal binnen een paar werkdagen.

Mail ons het liefst. Dan kunnen we je vraag goed uitzoeken. Zet je naam erbij. Ben je trainer? Noem dan ook je registratienummer.

## Zelf regelen

Veel kun je zelf doen als je bent ingelogd. Bij [Mijn gegevens](/mijn-gegevens/) pas je je contactgegevens, je praktijk en je openbare profiel aan. Daar kun je ook al je gegevens downloaden.

## Een klacht over een trainer

Voor een klacht over een geregistreerde trainer hoef je het bureau niet te mailen. Gebruik het [klachtenformulier](/klachten/indienen/). Alleen de klachtencommissie leest je klacht.
"""

CONTACT_EN = """\
Do you have a question about your membership, your registration or an event? Feel free to contact the office. We usually answer within a few working days.

E-mail is best for us. Then we can look into your question properly. Add your name. Are you a trainer? Then add your register number too.

## Do it yourself

You can do a lot yourself when you are logged in. In [My details](/en/my-details/) you change your contact details, your practice and your public profile. There you can also download all your data.

## A complaint about a trainer

For a complaint about a registered trainer you do not need to e-mail the office. Use the [complaint form](/en/complaints/file/). Only the complaints committee reads your complaint.
"""

MEMBERSHIP_NL = """\
Als lid hoor je bij een netwerk van mensen die mindfulness beoefenen of geven. Je ontmoet collega's, je leert van elkaar en je helpt mee aan de kwaliteit van het vak.

## Wie kan lid worden?

- **Trainerslid**: je geeft mindfulnesstrainingen. Heb je een geaccrediteerde opleiding afgerond? Dan kun je je laten certificeren. Je naam komt dan in het openbare register.
- **Beoefenaar**: je beoefent mindfulness en je wilt meedoen met de vereniging.
- **Studentlid**: je volgt een opleiding tot mindfulnesstrainer.
- **Instituut**: je organisatie leidt mindfulnesstrainers op.

## Wat krijg je?

- Je ontmoet collega's op workshops, jaardagen en de algemene ledenvergadering. Daar praat en beslis je mee over de vereniging.
- Je vindt een intervisiegroep, of je begint er zelf een.
- Als trainer houd je je PE-punten bij op één plek en vraag je daar ook je herregistratie aan.
- Veel zorgverzekeraars vergoeden een MBSR- of MBCT-training bij een trainer met een specialistcertificaat in ons register.

## Zo word je lid

1. Maak een account aan, of log in.
2. Kies hieronder je soort lidmaatschap en vraag het aan. Je betaalt met een automatische incasso of per factuur.
3. Het bureau bekijkt je aanvraag. Je hoort snel van ons.
"""

MEMBERSHIP_EN = """\
As a member you belong to a network of people who practise or teach mindfulness. You meet colleagues, you learn from each other and you help to keep the quality of the work high.

## Who can join?

- **Trainer member**: you teach mindfulness courses. Have you finished an accredited programme? Then you can apply for certification. Your name then appears in the public register.
- **Practitioner**: you practise mindfulness and you want to take part in the association.
- **Student member**: you are training to become a mindfulness trainer.
- **Institute**: your organisation trains mindfulness trainers.

## What do you get?

- You meet colleagues at workshops, annual days and the general assembly. There you have your say and vote on the association.
- You find an intervision group, or you start one yourself.
- As a trainer you keep your CPD in one place, and you apply for recertification there too.
- Many health insurers reimburse an MBSR or MBCT course given by a trainer with a specialist certificate in our register.

## How to join

1. Create an account, or log in.
2. Choose your type of membership below and apply. You pay by direct debit or by invoice.
3. The office looks at your application. You hear from us soon.
"""

PRIVACY_NL = """\
In deze verklaring lees je welke gegevens we van je bewaren, waarom, en hoe lang. En welke rechten je hebt. We bewaren niet meer dan we nodig hebben. We verkopen je gegevens nooit. Wie verantwoordelijk is voor je gegevens en hoe je ons bereikt, staat onderaan deze pagina.

## Welke gegevens bewaren we, en waarom?

**Je account.** Je e-mailadres, je wachtwoord (alleen als een onleesbare code), je taal, en als je voor het bureau of een commissie werkt ook je tweestapsverificatie. Zo log je veilig in.

**Je lidmaatschap.** Je naam, e-mailadres en telefoonnummer, je soort lidmaatschap en de periodes, met de geschiedenis daarvan. Die hebben we nodig om je lidmaatschap te regelen.

**Je profiel.** Als je dat invult: je website, je foto, een tekst over jezelf, je praktijkadressen, je werkdomeinen, doelgroepen en talen, de programma's die je geeft en of je ook online werkt. Niets hiervan is openbaar, tenzij je dat zelf per gegeven aanzet.

**Het register.** Als je trainer bent: je registratienummer, je AGB-code, je niveau en de periodes van je registratie met hun status. Het register is openbaar. Zorgverzekeraars gebruiken het om te zien of je geregistreerd bent, ook op een datum in het verleden.

**Je PE-logboek en je herregistratie.** De activiteiten in je logboek (intervisie, supervisie, retraites, cursussen, trainingen die je gaf), met het bewijs dat je uploadt. Je dossier voor herregistratie: je reflectie, de collega's met wie je een gesprek had, vragen en besluiten van de certificeringscommissie, en je bezwaar als je dat maakt. Dit is nodig om je certificering te verlengen. Alleen de mensen die erover beslissen, zien je dossier.

**Intervisie.** Je intervisiegroepen, de bijeenkomsten, wie er was en de verslagen (het format intervisie). Zoek je een groep? Dan bewaren we je wensen: je postcode, hoe ver je wilt reizen, je werkdomein, doelgroep, taal en wanneer je kunt. Coördinatoren zien alleen dat je zoekt als je dat zelf aanzet.

**Bijeenkomsten.** Als je je aanmeldt: je naam, e-mailadres en taal, het aantal plaatsen, de betaling, of je er was, en je bewijs van deelname. Ook als je je aanmeldt zonder account.

**Cursussen, retraites en supervisie.** Wat je als trainer aanbiedt, de retraites die je volgde, en supervisie die je vroeg of gaf.

**Opleidingen.** Voor de accreditatie van opleidingen: de medewerkers van het instituut, de docenten (naam, e-mailadres, kwalificaties) en de afgestudeerden die het instituut meldt.

**Klachten.** Een klacht en de gegevens van wie hem indient, bewaren we versleuteld. Alleen de klachtencommissie kan ze lezen. Het bureau en het bestuur kunnen dat niet.

**Geld.** Je facturen en betalingen. Betaal je met een automatische incasso? Dan ook je IBAN, de naam van de rekeninghouder en je machtiging, met de tekst zoals je die ondertekende. De bank krijgt voor een incasso je naam, je IBAN, het kenmerk van je machtiging en het bedrag.

**Vragen van zorgverzekeraars.** Zorgverzekeraars kijken via een koppeling (API) of een trainer geregistreerd is. Ze zien alleen wat in het register staat. We houden bij welke verzekeraar wanneer iets vroeg, en wat: bijvoorbeeld een registratienummer, of een naam met een postcode.

**Wie wat veranderde.** Verandert iemand je gegevens? Dan schrijven we op wie dat deed, wanneer en welke gegevens het waren. De gegevens zelf staan daar niet in. Je ziet deze geschiedenis zelf bij [Mijn gegevens › Privacy](/mijn-gegevens/privacy/).

**Cookies.** We gebruiken alleen cookies die nodig zijn: om ingelogd te blijven, om formulieren te beveiligen en om je taal te onthouden. We volgen je niet en we tonen geen advertenties.

## Hoe lang bewaren we je gegevens?

- **Account en profiel**: zolang je een account hebt. Vraag je om wissen? Dan halen we ze weg (zie hieronder).
- **Register**: de geschiedenis van je registratie bewaren we ook daarna. Verzekeraars en de wet vragen dat we altijd kunnen zeggen of iemand op een bepaalde dag geregistreerd was.
- **Lidmaatschappen, PE-logboek en dossiers**: ook na het wissen, als geschiedenis van je lidmaatschap en je certificering.
- **Facturen, betalingen en machtigingen**: 7 jaar. Dat vraagt de belastingwet.
- **Klachten**: 5 jaar nadat de klacht is afgesloten. Daarna vernietigen we alle teksten en documenten van het dossier. We houden alleen bij dat het dossier is vernietigd, en wanneer. De uitkomst, de geschiedenis in het register en een uitspraak zonder namen blijven.
- **Aanmeldingen voor bijeenkomsten en vragen van verzekeraars**: zolang we ze nodig hebben voor je bewijs van deelname en je PE-punten, en om te kunnen laten zien wie wat vroeg. Wil je dat we iets eerder wissen? Vraag het het bureau.
- **Wie wat veranderde**: altijd. Je gegevens zelf staan daar niet in.

## Wissen

Je kunt vragen om je gegevens te wissen, bij [Mijn gegevens › Privacy](/mijn-gegevens/privacy/). Het bureau bevestigt je verzoek. Dan halen we weg: je contactgegevens, je praktijkadressen, je foto, je profiel, al je keuzes om iets openbaar te maken, en je manier om in te loggen. We bewaren wat de wet of de verzekeraars vragen: je naam, je registraties met hun periodes, je lidmaatschappen met hun geschiedenis, je PE-logboek, je facturen en machtigingen, en wie wat veranderde.

## Je rechten

- **Inzien en downloaden.** Je ziet je gegevens bij [Mijn gegevens](/mijn-gegevens/). Bij [Mijn gegevens › Privacy](/mijn-gegevens/privacy/) download je alles wat we van je bewaren, in een bestand dat een computer kan lezen (JSON). Dat bestand kun je ook meenemen naar een andere organisatie.
- **Verbeteren.** Klopt er iets niet? Pas het zelf aan bij [Mijn gegevens](/mijn-gegevens/), of vraag het het bureau.
- **Wissen.** Vraag het bij [Mijn gegevens › Privacy](/mijn-gegevens/privacy/). Hierboven lees je wat we wissen en wat we moeten bewaren.
- **Bezwaar maken en beperken.** Wil je niet dat we je gegevens voor iets gebruiken? Of wil je dat we ermee stoppen zolang we iets uitzoeken? Mail het bureau. We antwoorden binnen een maand.
- **Toestemming intrekken.** Wat je openbaar maakte, zet je zelf weer uit bij [Mijn gegevens › Openbaar](/mijn-gegevens/openbaar/).
- **Een klacht indienen.** Ben je niet tevreden over hoe we met je gegevens omgaan? Zeg het ons eerst, dan zoeken we samen een oplossing. Je mag ook een klacht indienen bij de toezichthouder: in Nederland bij de [Autoriteit Persoonsgegevens](https://www.autoriteitpersoonsgegevens.nl/), in België bij de [Gegevensbeschermingsautoriteit](https://www.gegevensbeschermingsautoriteit.be/).

## Wie ziet je gegevens?

Mensen in de vereniging zien alleen wat ze voor hun werk nodig hebben. Het bureau doet de ledenadministratie. Een commissie ziet wat bij haar werk hoort. Klachten zijn alleen voor de klachtencommissie. Wie voor het bureau of een commissie werkt, logt altijd in met tweestapsverificatie.
"""

PRIVACY_EN = """\
In this statement you read which data we keep about you, why, and for how long. And which rights you have. We keep no more than we need. We never sell your data. Who is responsible for your data and how to reach us is at the bottom of this page.

## Which data do we keep, and why?

**Your account.** Your e-mail address, your password (only as an unreadable code), your language, and if you work for the office or a committee also your two-step verification. So you log in safely.

**Your membership.** Your name, e-mail address and phone number, your type of membership and its periods, with their history. We need these to run your membership.

**Your profile.** If you fill it in: your website, your photo, a text about yourself, your practice addresses, your work domains, target groups and languages, the programmes you teach and whether you also teach online. None of this is public unless you switch it on yourself, item by item.

**The register.** If you are a trainer: your register number, your AGB code, your level and the periods of your registration with their status. The register is public. Health insurers use it to see whether you are registered, also on a date in the past.

**Your CPD log and your recertification.** The activities in your log (intervision, supervision, retreats, courses, courses you taught), with the evidence you upload. Your recertification dossier: your reflection, the colleagues you had a conversation with, questions and decisions of the certification committee, and your objection if you make one. We need this to renew your certification. Only the people who decide on it see your dossier.

**Intervision.** Your intervision groups, the meetings, who attended and the records (the intervision format). Are you looking for a group? Then we keep your wishes: your postcode, how far you want to travel, your work domain, target group, language and when you can meet. Coordinators only see that you are looking if you switch that on yourself.

**Events.** When you register: your name, e-mail address and language, the number of places, the payment, whether you attended, and your certificate of attendance. Also when you register without an account.

**Courses, retreats and supervision.** What you offer as a trainer, the retreats you attended, and supervision you asked for or gave.

**Programmes.** For the accreditation of programmes: the institute's staff, the teachers (name, e-mail address, qualifications) and the graduates the institute reports.

**Complaints.** A complaint and the details of the person who files it are kept encrypted. Only the complaints committee can read them. The office and the board cannot.

**Money.** Your invoices and payments. Do you pay by direct debit? Then also your IBAN, the account holder's name and your mandate, with the text as you signed it. For a direct debit the bank receives your name, your IBAN, your mandate's reference and the amount.

**Questions from health insurers.** Health insurers check through a connection (API) whether a trainer is registered. They only see what is in the register. We keep track of which insurer asked something, when, and what: for example a register number, or a name with a postcode.

**Who changed what.** Does someone change your data? Then we note who did it, when, and which details it was about. The data itself is not in that note. You see this history yourself in [My details › Privacy](/en/my-details/privacy/).

**Cookies.** We only use cookies that are needed: to keep you logged in, to protect forms and to remember your language. We do not track you and we show no advertisements.

## How long do we keep your data?

- **Account and profile**: as long as you have an account. Do you ask us to erase them? Then we remove them (see below).
- **Register**: we keep the history of your registration after that too. Insurers and the law ask that we can always say whether someone was registered on a given day.
- **Memberships, CPD log and dossiers**: also after erasure, as the history of your membership and your certification.
- **Invoices, payments and mandates**: 7 years. Tax law asks for that.
- **Complaints**: 5 years after the complaint is closed. Then we destroy every text and document of the file. We only keep a note that the file was destroyed, and when. The outcome, the history in the register and a ruling without names stay.
- **Event registrations and insurers' questions**: as long as we need them for your certificate of attendance and your CPD, and to be able to show who asked what. Would you like us to erase something sooner? Ask the office.
- **Who changed what**: always. Your data itself is not in it.

## Erasure

You can ask us to erase your data, in [My details › Privacy](/en/my-details/privacy/). The office confirms your request. Then we remove: your contact details, your practice addresses, your photo, your profile, all your choices to make something public, and your way to log in. We keep what the law or the insurers ask for: your name, your registrations with their periods, your memberships with their history, your CPD log, your invoices and mandates, and who changed what.

## Your rights

- **See and download.** You see your data in [My details](/en/my-details/). In [My details › Privacy](/en/my-details/privacy/) you download everything we keep about you, in a file a computer can read (JSON). You can also take that file to another organisation.
- **Correct.** Is something wrong? Change it yourself in [My details](/en/my-details/), or ask the office.
- **Erase.** Ask for it in [My details › Privacy](/en/my-details/privacy/). Above you read what we erase and what we must keep.
- **Object and restrict.** Do you not want us to use your data for something? Or do you want us to stop while we look into something? E-mail the office. We answer within a month.
- **Withdraw consent.** What you made public, you switch off yourself in [My details › Public](/en/my-details/public/).
- **Complain.** Are you not happy with how we handle your data? Tell us first, and we look for a solution together. You may also complain to the supervisory authority: in the Netherlands the [Autoriteit Persoonsgegevens](https://www.autoriteitpersoonsgegevens.nl/), in Belgium the [Gegevensbeschermingsautoriteit](https://www.gegevensbeschermingsautoriteit.be/).

## Who sees your data?

People in the association only see what they need for their work. The office runs the membership administration. A committee sees what belongs to its work. Complaints are for the complaints committee only. Whoever works for the office or a committee always logs in with two-step verification.
"""

ACCESSIBILITY_NL = """\
We willen dat iedereen deze website kan gebruiken. Ook met een schermlezer, alleen met het toetsenbord, op een kleine telefoon, of als je weinig ervaring hebt met computers. We volgen de richtlijnen WCAG 2.2, niveau AA.

## Wat we doen

- We schrijven in eenvoudige taal (B1), in het Nederlands en het Engels.
- Elke pagina werkt met het toetsenbord. Met 'Direct naar de inhoud' sla je het menu over.
- Elk invulveld heeft een naam die een schermlezer voorleest. Gaat er iets mis? Dan zeggen we wat je kunt doen.
- De website werkt ook zonder JavaScript. Op een scherm van 360 pixels breed hoef je niet opzij te schuiven.
- De PDF's die we maken, zoals je bewijs van registratie en je facturen, kan een schermlezer voorlezen (PDF/UA).
- We controleren elke pagina automatisch: of de code klopt (met de validator van het W3C) en of de pagina past op een smal scherm.

## Wat nog niet goed is

- De beheerpagina's van het bureau gebruiken een standaardprogramma. Die hebben we niet zelf op toegankelijkheid gecontroleerd.
- Een onafhankelijke deskundige heeft de website nog niet gekeurd.

## Loop je ergens tegenaan?

Lukt iets niet, of is iets moeilijk te lezen? Laat het ons weten via [Contact](/contact/). Zeg op welke pagina het was en wat er gebeurde. We reageren binnen twee weken en zoeken samen met je naar een oplossing.
"""

ACCESSIBILITY_EN = """\
We want everyone to be able to use this website. Also with a screen reader, with the keyboard only, on a small phone, or if you have little experience with computers. We follow the WCAG 2.2 guidelines, level AA.

## What we do

- We write in plain language (B1), in Dutch and in English.
- Every page works with the keyboard. 'Skip to content' lets you skip the menu.
- Every field has a name that a screen reader reads out. Does something go wrong? Then we say what you can do.
- The website also works without JavaScript. On a screen 360 pixels wide you do not need to scroll sideways.
- The PDFs we make, such as your proof of registration and your invoices, can be read out by a screen reader (PDF/UA).
- We check every page automatically: whether the code is right (with the W3C's validator) and whether the page fits a narrow screen.

## What is not right yet

- The office's management pages use a standard program. We have not checked those for accessibility ourselves.
- An independent expert has not yet reviewed the website.

## Do you run into something?

Does something not work, or is something hard to read? Let us know through [Contact](/en/contact/). Tell us on which page it was and what happened. We reply within two weeks and look for a solution together with you.
"""

DEFAULTS = {
    "about": {"title_nl": "Over ons", "title_en": "About us", "body_nl": ABOUT_NL, "body_en": ABOUT_EN},
    "contact": {"title_nl": "Contact", "title_en": "Contact", "body_nl": CONTACT_NL, "body_en": CONTACT_EN},
    "membership": {
        "title_nl": "Lid worden",
        "title_en": "Become a member",
        "body_nl": MEMBERSHIP_NL,
        "body_en": MEMBERSHIP_EN,
    },
    "privacy": {
        "title_nl": "Privacyverklaring",
        "title_en": "Privacy statement",
        "body_nl": PRIVACY_NL,
        "body_en": PRIVACY_EN,
    },
    "accessibility": {
        "title_nl": "Toegankelijkheid",
        "title_en": "Accessibility",
        "body_nl": ACCESSIBILITY_NL,
        "body_en": ACCESSIBILITY_EN,
    },
}
