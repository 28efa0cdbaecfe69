"""Dutch at /, English at /en/, and the language switch takes you to the same page in the other language."""


def test_it_speaks_dutch_at_the_root(client, db):
    response = client.get("/")
    assert '<html lang="nl">' in response.content.decode()
    assert "Welkom bij Kring" in response.content.decode()


def test_it_speaks_english_under_en(client, db):
    response = client.get("/en/")
    assert '<html lang="en">' in response.content.decode()
    assert "Welcome to Kring" in response.content.decode()


def test_it_switches_to_the_english_url(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/"
    assert '<html lang="en">' in client.get(response["Location"]).content.decode()


def test_it_switches_back_to_dutch(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    response = client.post("/i18n/setlang/", {"language": "nl", "next": "/en/accounts/login/"})
    assert response["Location"] == "/accounts/login/"
