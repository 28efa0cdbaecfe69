"""The secret addresses of calendar feeds, and what each feed may show.

A group's feed address is personal: it names one membership and the group's current token, signed
with the site's secret key. It works while that membership lasts, so a person who leaves the group
stops receiving its meetings and online links, while the other members' addresses keep working.
The coordinator's "new address" changes the group's token and with it every member's address.
"""

from __future__ import annotations

from django.core import signing

from kring.intervision.models import GroupMember, Meeting
from kring.members.models import Person

SIGNER = signing.Signer(salt="kring.intervision.group-feed")


def group_feed_token(membership: GroupMember) -> str:
    return SIGNER.sign(f"{membership.pk}.{membership.group.feed_token}")


def membership_of_token(token: str) -> GroupMember | None:
    """The current membership of an open group that the address was made for, or None."""
    try:
        value = SIGNER.unsign(token)
    except signing.BadSignature:
        return None
    pk, _dot, group_token = value.partition(".")
    if not pk.isdigit():
        return None
    return (
        GroupMember.objects.filter(
            pk=int(pk), left_on__isnull=True, group__feed_token=group_token, group__closed_at__isnull=True
        )
        .select_related("group")
        .first()
    )


def meetings_of_current_groups(person: Person):
    """The meetings of the groups the person belongs to today: a former group's meetings are not theirs."""
    return Meeting.objects.filter(
        group__members__person=person, group__members__left_on__isnull=True, group__closed_at__isnull=True
    ).distinct()
