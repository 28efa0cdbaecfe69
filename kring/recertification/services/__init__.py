"""Operations that change recertification data. Each is one transaction with one audit entry."""


class Refused(Exception):
    """An operation that is not allowed; the message is shown to the person as it is."""
