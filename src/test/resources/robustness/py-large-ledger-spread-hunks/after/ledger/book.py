"""Double-entry bookkeeping for a small business: accounts, journal entries, reports.

Amounts are ``Decimal`` with two places; every journal entry must balance (debits equal
credits) before it is posted. Nothing here talks to a database: ``Book`` keeps everything
in memory and ``ledger.storage`` saves it as JSON.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

CENT = Decimal("0.01")


class AccountType(Enum):
    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"

    @property
    def debit_normal(self):
        """Assets and expenses grow with debits; the others grow with credits."""
        return self in (AccountType.ASSET, AccountType.EXPENSE)


class LedgerError(ValueError):
    """A rule of the book was broken; the message says which entry and why."""


def money(value):
    """Convert ``value`` to a Decimal rounded to cents; floats are refused."""
    if isinstance(value, float):
        raise TypeError("use str or Decimal for money, not float")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_EVEN)


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    type: AccountType
    parent: Optional[str] = None

    def __post_init__(self):
        if not self.code.isdigit():
            raise LedgerError(f"account code {self.code!r} must be digits only")


@dataclass(frozen=True)
class Line:
    account: str
    debit: Decimal = Decimal("0.00")
    credit: Decimal = Decimal("0.00")
    memo: str = ""

    def __post_init__(self):
        if self.debit < 0 or self.credit < 0:
            raise LedgerError(f"line on {self.account}: amounts must not be negative")
        if self.debit and self.credit:
            raise LedgerError(f"line on {self.account}: use either debit or credit, not both")
        if not self.debit and not self.credit:
            raise LedgerError(f"line on {self.account}: amount is zero")


@dataclass
class Entry:
    number: int
    day: date
    description: str
    lines: List[Line] = field(default_factory=list)
    posted: bool = False

    def debit(self, account, amount, memo=""):
        self.lines.append(Line(account, debit=money(amount), memo=memo))
        return self

    def credit(self, account, amount, memo=""):
        self.lines.append(Line(account, credit=money(amount), memo=memo))
        return self

    def totals(self):
        debits = sum((line.debit for line in self.lines), Decimal("0.00"))
        credits = sum((line.credit for line in self.lines), Decimal("0.00"))
        return debits, credits

    def is_balanced(self):
        debits, credits = self.totals()
        return debits == credits and debits > 0

    def accounts_touched(self):
        return sorted({line.account for line in self.lines})


class Book:
    """Accounts and the journal of one company for one fiscal year."""

    def __init__(self, company, fiscal_year_start):
        self.company = company
        self.fiscal_year_start = fiscal_year_start
        self.accounts: Dict[str, Account] = {}
        self.journal: List[Entry] = []
        self._next_number = 1
        self._closed_until: Optional[date] = None

    # accounts ---------------------------------------------------------------

    def open_account(self, code, name, type, parent=None):
        if code in self.accounts:
            raise LedgerError(f"account {code} already exists ({self.accounts[code].name})")
        if parent is not None and parent not in self.accounts:
            raise LedgerError(f"parent account {parent} of {code} does not exist")
        account = Account(code, name, type, parent)
        self.accounts[code] = account
        return account

    def account(self, code):
        try:
            return self.accounts[code]
        except KeyError:
            raise LedgerError(f"unknown account {code}") from None

    def children(self, code):
        return [a for a in self.accounts.values() if a.parent == code]

    # journal ----------------------------------------------------------------

    def new_entry(self, day, description):
        entry = Entry(self._next_number, day, description)
        self._next_number += 1
        return entry

    def post(self, entry):
        if entry.posted:
            raise LedgerError(f"entry {entry.number} is already posted")
        if not entry.is_balanced():
            debits, credits = entry.totals()
            raise LedgerError(
                f"entry {entry.number} does not balance: debits {debits}, credits {credits}")
        if self._closed_until is not None and entry.day <= self._closed_until:
            raise LedgerError(
                f"entry {entry.number} is dated {entry.day}, but the book is closed until "
                f"{self._closed_until}")
        for line in entry.lines:
            account = self.account(line.account)
            if self.children(account.code):
                raise LedgerError(
                    f"entry {entry.number} posts to {account.code} ({account.name}), which has "
                    f"sub-accounts; post to one of them instead")
        entry.posted = True
        self.journal.append(entry)
        return entry

    def reverse(self, entry, day, reason):
        """Post an entry that cancels ``entry`` (debits and credits swapped)."""
        reversal = self.new_entry(day, f"Reversal of #{entry.number}: {reason}")
        for line in entry.lines:
            if line.debit:
                reversal.credit(line.account, line.debit, line.memo)
            else:
                reversal.debit(line.account, line.credit, line.memo)
        return self.post(reversal)

    def close_period(self, until):
        if self._closed_until is not None and until < self._closed_until:
            raise LedgerError(f"cannot reopen: the book is closed until {self._closed_until}")
        self._closed_until = until

    # balances ---------------------------------------------------------------

    def entries_between(self, start=None, end=None) -> Iterator[Entry]:
        for entry in self.journal:
            if start is not None and entry.day < start:
                continue
            if end is not None and entry.day > end:
                continue
            yield entry

    def balance(self, code, start=None, end=None):
        """Signed balance of one account: positive means its normal side."""
        account = self.account(code)
        debits = Decimal("0.00")
        credits = Decimal("0.00")
        for entry in self.entries_between(start, end):
            for line in entry.lines:
                if line.account == code:
                    debits += line.debit
                    credits += line.credit
        return debits - credits if account.type.debit_normal else credits - debits

    def balances(self, start=None, end=None):
        totals = defaultdict(lambda: [Decimal("0.00"), Decimal("0.00")])
        for entry in self.entries_between(start, end):
            for line in entry.lines:
                totals[line.account][0] += line.debit
                totals[line.account][1] += line.credit
        result = {}
        for code, (debits, credits) in totals.items():
            account = self.accounts[code]
            result[code] = debits - credits if account.type.debit_normal else credits - debits
        return result

    def rolled_up(self, code, start=None, end=None):
        """Balance of an account plus all of its descendants."""
        total = self.balance(code, start, end)
        for child in self.children(code):
            total += self.rolled_up(child.code, start, end)
        return total

    # reports ----------------------------------------------------------------

    def trial_balance(self, end=None) -> List[Tuple[str, str, Decimal, Decimal]]:
        rows = []
        for code, amount in sorted(self.balances(end=end).items()):
            account = self.accounts[code]
            if account.type.debit_normal:
                rows.append((code, account.name, amount, Decimal("0.00")))
            else:
                rows.append((code, account.name, Decimal("0.00"), amount))
        return rows

    def income_statement(self, start, end):
        income = Decimal("0.00")
        expenses = Decimal("0.00")
        for code, amount in self.balances(start, end).items():
            account_type = self.accounts[code].type
            if account_type is AccountType.INCOME:
                income += amount
            elif account_type is AccountType.EXPENSE:
                expenses += amount
        return {"income": income, "expenses": expenses, "profit": income - expenses}

    def balance_sheet(self, end):
        sides = {AccountType.ASSET: Decimal("0.00"), AccountType.LIABILITY: Decimal("0.00"),
                 AccountType.EQUITY: Decimal("0.00")}
        for code, amount in self.balances(end=end).items():
            account_type = self.accounts[code].type
            if account_type in sides:
                sides[account_type] += amount
        profit = self.income_statement(self.fiscal_year_start, end)["profit"]
        return {
            "assets": sides[AccountType.ASSET],
            "liabilities": sides[AccountType.LIABILITY],
            "equity": sides[AccountType.EQUITY] + profit,
        }

    def general_ledger(self, code, start=None, end=None):
        """Every line on ``code`` with a running balance, for the account statement."""
        account = self.account(code)
        running = Decimal("0.00")
        rows = []
        for entry in self.entries_between(start, end):
            for line in entry.lines:
                if line.account != code:
                    continue
                change = line.debit - line.credit
                if not account.type.debit_normal:
                    change = -change
                running += change
                rows.append((entry.day, entry.number, line.memo or entry.description,
                             line.debit, line.credit, running))
        return rows
