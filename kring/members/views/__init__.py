"""The pages of "Beheer mijn gegevens", by subject: details (contact, practices), profile (profile,
photo, public fields) and privacy (download, erasure, history)."""
