"""Every change in "find" goes through these services: one transaction and one audit entry each."""

from kring.find.services.courses import course_announce, course_change, course_withdraw
from kring.find.services.retreats import retreat_announce, retreat_attendance_confirm, retreat_change, retreat_withdraw
from kring.find.services.supervision import (
    supervision_ask,
    supervision_decide,
    supervision_log,
    supervisor_recognise,
    supervisor_recognition_end,
)

__all__ = [
    "course_announce",
    "course_change",
    "course_withdraw",
    "retreat_announce",
    "retreat_attendance_confirm",
    "retreat_change",
    "retreat_withdraw",
    "supervision_ask",
    "supervision_decide",
    "supervision_log",
    "supervisor_recognise",
    "supervisor_recognition_end",
]
