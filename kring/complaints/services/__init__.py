"""Operations on complaints and the code of ethics: each one transaction and one audit entry."""
