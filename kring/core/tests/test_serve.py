"""The production start command in docs/operations.md serves Kring behind an HTTPS load balancer.

The command is read from the document and started as written, on a migrated SQLite database, with
the production environment: the balancer's health check on plain http gets 200, a page forwarded as
HTTPS gets 200, plain http is sent to https, and a peer that is not the balancer cannot claim HTTPS.
"""

import http.client
import os
import re
import secrets
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[3]
HOST = "kring.example"
COMMAND_BLOCK = re.compile(r"<!-- production start command -->\s*```\w*\n(?P<command>[^\n]+)\n```")


def documented_command() -> list[str]:
    match = COMMAND_BLOCK.search((ROOT / "docs" / "operations.md").read_text())
    assert match, "docs/operations.md lost its marked production start command"
    return shlex.split(match["command"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp_path, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "EMAIL_HOST"}}
    env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS=HOST,
        KRING_HTTPS="1",
        TRUSTED_PROXIES="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'kring.sqlite3'}",
        KRING_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="kring.settings",
        HOST="127.0.0.1",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
        KRING_COMPLAINTS_KEYS=Fernet.generate_key().decode(),
    )
    env.update(extra)
    return env


def get(port, path, headers=None, source="127.0.0.1"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=(source, 0))
    try:
        connection.request("GET", path, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def wait_until_listening(port, server, log):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not start in time: {log.read_text()}")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = production_env(tmp_path, PORT=str(port))
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    log = tmp_path / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            documented_command(), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        wait_until_listening(port, process, log)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)


def test_the_documented_command_serves_kring_behind_the_https_balancer(server):
    health = get(server, "/healthz")
    assert health.status == 200

    page = get(server, "/", {"X-Forwarded-Proto": "https"})
    assert page.status == 200
    assert page.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")

    plain = get(server, "/")
    assert plain.status == 301
    assert plain.getheader("Location") == f"https://{HOST}/"


def test_only_the_balancer_may_say_a_request_came_over_https(server):
    # 127.0.0.2 is this machine too, but not one of TRUSTED_PROXIES.
    forged = get(server, "/", {"X-Forwarded-Proto": "https"}, source="127.0.0.2")
    assert forged.status == 301
    assert forged.getheader("Location") == f"https://{HOST}/"


def test_https_without_trusted_proxies_refuses_to_start(tmp_path):
    env = production_env(tmp_path, PORT=str(free_port()), TRUSTED_PROXIES="")
    result = subprocess.run(documented_command(), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "TRUSTED_PROXIES" in result.stdout + result.stderr
