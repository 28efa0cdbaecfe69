"""Writes a camt.053.001.02 statement the way a bank does, for the demo, the tests and the benchmark.

Kring only reads statements from banks; this is the other side, so the import can be shown and tested
on files with known contents (credits by reference or IBAN, collected batches, returns with a reason).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from xml.sax.saxutils import escape  # nosec B406 # only escapes text for XML this module writes; it parses nothing

NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


@dataclass
class Booking:
    reference: str  # the bank's own reference (AcctSvcrRef)
    amount_cents: int  # negative for money going out
    name: str = ""
    iban: str = ""
    end_to_end_id: str = ""
    remittance: str = ""
    structured: str = ""  # a creditor reference (RF...) in structured remittance
    return_code: str = ""
    booked_on: datetime.date = datetime.date(2026, 3, 2)


def _entry(b: Booking) -> str:
    debit = b.amount_cents < 0
    amount = f"{abs(b.amount_cents) // 100}.{abs(b.amount_cents) % 100:02d}"
    party = "Cdtr" if debit else "Dbtr"
    remittance = ""
    if b.structured:
        remittance = f"<RmtInf><Strd><CdtrRefInf><Ref>{escape(b.structured)}</Ref></CdtrRefInf></Strd></RmtInf>"
    elif b.remittance:
        remittance = f"<RmtInf><Ustrd>{escape(b.remittance)}</Ustrd></RmtInf>"
    ret = f"<RtrInf><Rsn><Cd>{b.return_code}</Cd></Rsn></RtrInf>" if b.return_code else ""
    return (
        f'<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>{"DBIT" if debit else "CRDT"}</CdtDbtInd>'
        f"<Sts>BOOK</Sts><BookgDt><Dt>{b.booked_on}</Dt></BookgDt><ValDt><Dt>{b.booked_on}</Dt></ValDt>"
        f"<AcctSvcrRef>{escape(b.reference)}</AcctSvcrRef>"
        "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>"
        f"<NtryDtls><TxDtls><Refs><EndToEndId>{escape(b.end_to_end_id or 'NOTPROVIDED')}</EndToEndId></Refs>"
        f'<AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>'
        f"<RltdPties><{party}><Nm>{escape(b.name)}</Nm></{party}>"
        f"<{party}Acct><Id><IBAN>{escape(b.iban)}</IBAN></Id></{party}Acct></RltdPties>"
        f"{remittance}{ret}</TxDtls></NtryDtls></Ntry>"
    )


def statement(bookings: list[Booking], *, message_id: str = "STMT-1", iban: str = "NL91ABNA0417164300") -> bytes:
    entries = "".join(_entry(b) for b in bookings)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><Document xmlns="{NS}"><BkToCstmrStmt>'
        f"<GrpHdr><MsgId>{escape(message_id)}</MsgId><CreDtTm>2026-03-02T08:00:00</CreDtTm></GrpHdr>"
        f"<Stmt><Id>{escape(message_id)}</Id><CreDtTm>2026-03-02T08:00:00</CreDtTm>"
        f"<Acct><Id><IBAN>{iban}</IBAN></Id><Ccy>EUR</Ccy></Acct>{entries}</Stmt></BkToCstmrStmt></Document>"
    )
    return xml.encode("utf-8")
