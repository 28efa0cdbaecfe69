"""The address of the person behind a request, as Kring's own load balancer reports it.

Behind a balancer every request comes from the balancer's address, so counting login failures per
``REMOTE_ADDR`` would lock out everyone at once. The balancer appends the address it saw to
``X-Forwarded-For``; anything to the left of that entry was written by the client and may be forged.
So the header is read only when the peer is one of ``settings.TRUSTED_PROXIES``, and only at the
``TRUSTED_PROXY_COUNT``-th entry from the right (one per proxy of ours in the chain).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] | None:
    """The trusted networks, or None when every peer is trusted ("*")."""
    if "*" in proxies:
        return None
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def is_trusted_proxy(peer: str) -> bool:
    proxies = tuple(settings.TRUSTED_PROXIES)
    if not proxies:
        return False
    networks = _networks(proxies)
    if networks is None:
        return True
    address = _address(peer)
    return address is not None and any(address in network for network in networks)


def client_ip(request) -> str:
    """The client's address: the forwarded one from a trusted proxy, otherwise the peer's own."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(peer):
        return peer
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    count = settings.TRUSTED_PROXY_COUNT
    if count < 1 or len(hops) < count:
        return peer
    forwarded = _address(hops[-count])
    return str(forwarded) if forwarded is not None else peer
