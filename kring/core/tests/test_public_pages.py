"""The public pages the office writes: about us, contact, becoming a member, privacy and
accessibility, in Dutch and English, edited in the admin; the footer leads to them."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import resolve, reverse
from django.utils import translation

from kring.core import identity, markup, page_texts, public_pages
from kring.core.models import Association, AuditEntry, PublicPage
from kring.core.tests.admin_forms import page_data
from tests.english import in_english

PATHS = {
    "about": "/over-ons/",
    "contact": "/contact/",
    "membership": "/lid-worden/",
    "privacy": "/privacy/",
    "accessibility": "/toegankelijkheid/",
}


@pytest.fixture(autouse=True)
def pages(db):
    """The pages come from the data migration; a transactional test elsewhere may have flushed them."""
    public_pages.load()


def change_url(key, language="nl"):
    with translation.override(language):
        return reverse("admin:core_publicpage_change", args=[PublicPage.objects.get(key=key).pk])


def post_page(client, key, **changes):
    data = page_data(client.get(change_url(key, "en")))
    data.update(changes)
    return client.post(change_url(key, "en"), data)


def html_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_a_fresh_kring_has_every_page_with_the_first_texts():
    assert set(PublicPage.objects.values_list("key", flat=True)) == set(PATHS)
    assert PublicPage.objects.get(key="privacy").title_nl == "Privacyverklaring"


@pytest.mark.parametrize("key", PATHS)
def test_every_page_answers_in_dutch_and_english_with_the_offices_text(client, db, key):
    page = PublicPage.objects.get(key=key)
    dutch, english = html_of(client, PATHS[key]), html_of(client, in_english(PATHS[key]))
    assert f"<h1>{page.title_nl}</h1>" in dutch and f"<title>{page.title_nl} · " in dutch
    assert f"<h1>{page.title_en}</h1>" in english and f"<title>{page.title_en} · " in english
    first_dutch, first_english = page.body_nl.split("\n")[0], page.body_en.split("\n")[0]
    assert first_dutch[:60] in dutch and first_dutch[:60] not in english
    assert first_english[:60] in english
    assert f'<meta name="description" content="{first_dutch[:60]}' in dutch


def test_the_office_edits_a_page_in_the_admin_and_the_public_page_shows_it(login, office, client):
    response = post_page(
        login(office),
        "privacy",
        title_nl="Zo gaan we om met je gegevens",
        body_nl="We bewaren weinig.\n\n## Je rechten\n\nJe mag alles **inzien**.",
        body_en="We keep little.",
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="kring.core.public_page.changed")
    assert entry.source == f"user:{office.user.pk}"
    assert entry.data == {"key": "privacy", "fields": ["body_en", "body_nl", "title_nl"]}
    client.logout()
    dutch = html_of(client, "/privacy/")
    assert "<h1>Zo gaan we om met je gegevens</h1>" in dutch
    assert "<h2>Je rechten</h2>" in dutch and "<strong>inzien</strong>" in dutch
    assert "<p>We keep little.</p>" in html_of(client, "/en/privacy/")


def test_the_office_writes_the_text_above_the_application_to_become_a_member(login, office, client):
    assert (
        post_page(login(office), "membership", body_nl="Welkom, collega!", body_en="Welcome, colleague!").status_code
        == 302
    )
    client.logout()
    dutch = html_of(client, "/lid-worden/")
    assert "<p>Welkom, collega!</p>" in dutch
    assert dutch.index("Welkom, collega!") < dutch.index("<table>")  # above the types and fees
    assert "<p>Welcome, colleague!</p>" in html_of(client, in_english("/lid-worden/"))


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("title_nl", "Write a title in Dutch"),
        ("title_en", "Write a title in English"),
        ("body_nl", "Write the text in Dutch"),
        ("body_en", "Write the text in English"),
    ],
)
@pytest.mark.parametrize("empty", ["", "   \n  "])
def test_an_empty_title_or_text_is_refused_kindly_and_nothing_changes(login, office, field, message, empty):
    before = PublicPage.objects.get(key="about")
    response = post_page(login(office), "about", **{"body_nl": before.body_nl + "\n\nNieuw.", field: empty})
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    after = PublicPage.objects.get(key="about")
    assert (after.title_nl, after.body_nl, after.body_en) == (before.title_nl, before.body_nl, before.body_en)
    assert not AuditEntry.objects.filter(action="kring.core.public_page.changed").exists()


def test_the_service_refuses_an_empty_page_too(db, office):
    page = PublicPage.objects.get(key="contact")
    page.body_en = " "
    with pytest.raises(ValidationError, match="Schrijf de tekst in het Engels"):
        public_pages.page_update(page, by=office.user)
    assert PublicPage.objects.get(key="contact").body_en.startswith("Do you have a question")


@pytest.mark.parametrize("role", ["anonymous", "outsider", "member", "trainer", "board", "complaints"])
def test_nobody_but_the_office_changes_a_page(request, client, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role).user)
    else:
        request.getfixturevalue("db")
    url = change_url("about", "en")
    response = client.post(url, {"title_nl": "Gehackt", "title_en": "Hacked", "body_nl": "x", "body_en": "x"})
    assert response.status_code in (302, 403)
    assert PublicPage.objects.get(key="about").title_nl == "Over ons"
    assert not AuditEntry.objects.filter(action="kring.core.public_page.changed").exists()
    assert "Gehackt" not in html_of(client, "/over-ons/")


def test_the_pages_are_neither_added_nor_removed_in_the_admin(login, office):
    office_client = login(office)
    assert office_client.get(reverse("admin:core_publicpage_add")).status_code == 403
    pk = PublicPage.objects.get(key="about").pk
    assert office_client.get(reverse("admin:core_publicpage_delete", args=[pk])).status_code == 403


def test_html_in_the_offices_text_is_shown_as_text_never_run(login, office, client):
    body = '# Kop\n\n<script>alert("x")</script> [klik](javascript:alert(1)) <b>vet</b>\n\n![logo](https://elders.example/logo.png)'
    assert post_page(login(office), "about", body_nl=body).status_code == 302
    client.logout()
    html = html_of(client, "/over-ons/")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html and "&lt;b&gt;vet&lt;/b&gt;" in html
    assert "<h2>Kop</h2>" in html and html.count("<h1>") == 1  # the page's title stays its only h1
    assert '<a href="https://elders.example/logo.png">logo</a>' in html and "<img" not in html.split("<main")[1]


def test_the_privacy_statement_names_the_rights_and_the_terms(client, db):
    dutch = html_of(client, "/privacy/")
    for words in [
        "Inzien en downloaden",
        "Verbeteren",
        "Wissen",
        "Bezwaar maken",
        "Toestemming intrekken",
        'href="https://www.autoriteitpersoonsgegevens.nl/"',
        'href="https://www.gegevensbeschermingsautoriteit.be/"',
        'href="/mijn-gegevens/privacy/"',
        "versleuteld",
        "7 jaar",
        "5 jaar nadat de klacht is afgesloten",
    ]:
        assert words in dutch, words
    english = html_of(client, "/en/privacy/")
    for words in [
        "See and download",
        "Correct",
        "Erase",
        "Object and restrict",
        "Complain",
        'href="/en/my-details/privacy/"',
    ]:
        assert words in english, words


def test_the_contact_page_and_the_privacy_statement_show_the_associations_address(client, office):
    association = Association.objects.get(pk=1)
    association.name, association.street, association.postcode, association.city = (
        "Vereniging voor Stilte",
        "Stiltestraat 7",
        "3512 AB",
        "Utrecht",
    )
    association.email, association.phone = "bureau@stilte.example", "030 765 43 21"
    identity.update(association, by=office.user)
    for path in ("/contact/", "/en/contact/", "/privacy/"):
        html = html_of(client, path)
        address = html.split('<address class="association-address">')[1].split("</address>")[0]
        assert "Vereniging voor Stilte" in address and "Stiltestraat 7" in address and "3512 AB Utrecht" in address
        assert (
            '<a href="mailto:bureau@stilte.example">' in address
            and '<a href="tel:0307654321">030 765 43 21</a>' in address
        )


def test_the_footer_leads_to_every_page_and_each_opens(client, db):
    for home, in_language in (("/", str), ("/en/", in_english)):
        footer = html_of(client, home).split('class="site-footer"')[1]
        links = re.findall(r'href="([^"]+)"', footer)
        for path in PATHS.values():
            assert in_language(path) in links
        for link in links:
            if link.startswith("/"):
                assert client.get(link).status_code == 200, link


def test_every_link_in_the_first_texts_leads_to_a_page_of_kring_in_the_texts_language(db):
    for texts in page_texts.DEFAULTS.values():
        for language in ("nl", "en"):
            for link in re.findall(r"\]\((/[^)]*)\)", texts[f"body_{language}"]):
                assert link.startswith("/en/") == (language == "en"), link
                with translation.override(language):
                    resolve(link)


def test_a_page_reads_the_first_texts_when_its_row_is_missing(client, db):
    PublicPage.objects.filter(key="accessibility").delete()
    assert "WCAG 2.2" in html_of(client, "/toegankelijkheid/")
    assert not PublicPage.objects.filter(key="accessibility").exists()  # GET writes nothing
    public_pages.load()
    assert PublicPage.objects.get(key="accessibility").title_en == "Accessibility"


def test_the_description_is_the_first_paragraph_as_plain_text():
    assert markup.summary("## Kop\n\nEen **vet** & mooi begin.\n\nMeer.") == "Een vet & mooi begin."
    assert len(markup.summary("woord " * 100)) <= 160
