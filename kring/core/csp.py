"""The Content-Security-Policy: one strict policy for every page, relaxed by name for two pages only.

The policy itself is ``CONTENT_SECURITY_POLICY`` in the settings (django-csp). Two third-party pages
draw pictures as ``data:`` images, which the strict policy refuses: allauth's TOTP set-up page shows
its QR code that way, and the API documentation's Swagger UI draws its icons that way. They get
``img-src data:`` added and nothing else; scripts and styles stay limited to Kring's own files there too.
"""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts

RELAXED = {
    "mfa_activate_totp": {"img-src": ["data:"]},
    "api:v1:openapi-view": {"img-src": ["data:"]},
}


class KringCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        match = getattr(request, "resolver_match", None)
        extra = RELAXED.get(match.view_name) if match else None
        if extra and not report_only:
            parts.update = {**extra, **(parts.update or {})}
        return parts
