"""The client's address is taken from X-Forwarded-For only as far as Kring's own proxies wrote it."""

import pytest
from django.test import RequestFactory

from kring.core.clientip import client_ip


def request_from(peer, forwarded_for=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "count", "peer", "forwarded_for", "expected"),
    [
        ([], 1, "10.0.0.5", "203.0.113.7", "10.0.0.5"),  # no proxies configured: the header is anyone's
        (["10.0.0.0/24"], 1, "192.0.2.66", "203.0.113.7", "192.0.2.66"),  # not our balancer
        (["10.0.0.0/24"], 1, "10.0.0.5", "1.2.3.4, 203.0.113.7", "203.0.113.7"),  # the client's own entry ignored
        (["10.0.0.0/24"], 2, "10.0.0.5", "1.2.3.4, 203.0.113.7, 10.0.9.9", "203.0.113.7"),  # CDN in front
        (["10.0.0.0/24"], 2, "10.0.0.5", "203.0.113.7", "10.0.0.5"),  # fewer entries than proxies
        (["10.0.0.0/24"], 1, "10.0.0.5", "not-an-address", "10.0.0.5"),
        (["10.0.0.0/24"], 1, "10.0.0.5", None, "10.0.0.5"),  # the balancer's own health check
        (["*"], 1, "172.16.4.4", "203.0.113.7", "203.0.113.7"),
        (["fd00::/8"], 1, "fd00::1", "2001:db8::42", "2001:db8::42"),
    ],
)
def test_it_reads_the_client_address_only_from_trusted_proxies(settings, proxies, count, peer, forwarded_for, expected):
    settings.TRUSTED_PROXIES = proxies
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_from(peer, forwarded_for)) == expected
