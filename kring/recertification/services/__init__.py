"""Operations that change recertification data. Each is one transaction with one audit entry."""
