"""Operations that change recertification data. Each is one transaction with one audit entry."""

# One refusal type for recertification and the CPD log it reads: views catch this one.
from kring.cpd.services import Refused

__all__ = ["Refused"]
