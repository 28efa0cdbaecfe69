"""The checks on uploaded evidence live in ``kring.core.evidence`` so that apps below the CPD log
(accreditation's documents) use the same checks; this name stays for the CPD log's own users."""

from kring.core.evidence import EXTENSIONS, MAX_BYTES, clean_evidence, detect_type

__all__ = ["EXTENSIONS", "MAX_BYTES", "clean_evidence", "detect_type"]
