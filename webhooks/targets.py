"""Safe targets: where a subscription may send, checked when it is made and again before
every attempt (a name can change its address meanwhile).

A URL is http or https, names a host and no credentials, and every address its host
resolves to is a public one: not loopback, private, link-local, multicast, reserved,
unspecified or otherwise not global (IPv4 inside IPv6 judged as IPv4), unless the setting
WEBHOOKS_ALLOW_PRIVATE_TARGETS allows it. The sender connects to the address checked here,
so that no second lookup can answer otherwise.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from negotrack.text import text_problem
from webhooks.models import URL_LENGTH

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class UnsafeTarget(ValueError):
    """The URL cannot be sent to; the message says why, for a person."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str  # as written, for the Host header and TLS
    port: int
    path: str  # with the query
    address: str  # the checked address to connect to


def forbidden_reason(address: IPAddress) -> str | None:
    """Why an address may not be sent to, or None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(address, f"is_{kind}"):
            return kind.replace("_", "-")
    if not address.is_global:
        return "not public"
    return None


def parse(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path) of a URL a subscription may hold, or UnsafeTarget."""
    if len(url) > URL_LENGTH:
        raise UnsafeTarget(f"A URL holds at most {URL_LENGTH} characters.")
    problem = text_problem(url, single_line=True)
    if problem or any(character.isspace() for character in url):
        raise UnsafeTarget(problem or "A URL holds no spaces.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnsafeTarget("This is not a URL.") from None
    if parts.scheme not in ("http", "https"):
        raise UnsafeTarget("Only http:// and https:// URLs are taken.")
    if parts.username is not None or parts.password is not None:
        raise UnsafeTarget("A URL with a user name or password is not taken: authenticate with the signature.")
    host = parts.hostname
    if not host:
        raise UnsafeTarget("The URL names no host.")
    if parts.fragment:
        raise UnsafeTarget("A URL with a fragment (#…) is not taken.")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return parts.scheme, host, port or (443 if parts.scheme == "https" else 80), path


def resolve(url: str) -> Target:
    """The URL's target at a checked address, or UnsafeTarget."""
    scheme, host, port, path = parse(url)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise UnsafeTarget(f"The host {host!r} cannot be resolved.") from None
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in found]
    if not addresses:
        raise UnsafeTarget(f"The host {host!r} cannot be resolved.")
    if not settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS:
        for address in addresses:
            reason = forbidden_reason(address)
            if reason:
                raise UnsafeTarget(
                    f"The host {host!r} resolves to {address}, a {reason} address: webhooks go to public "
                    "addresses only."
                )
    return Target(scheme=scheme, host=host, port=port, path=path, address=str(addresses[0]))
