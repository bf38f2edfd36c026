"""Consent and hand-off: store a consented person with their per-trial results; withdraw them by reference code.

This is the API the patient app calls. Nothing identifying reaches the store unless the person
agreed to the current consent text (``CONSENT_VERSION``).
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from criteria.model import CriterionResult, TrialResult
from screener.audit import Action, append_audit
from screener.errors import CandidateNotFound, ProfileError, StoreError
from screener.pipeline import Status
from screener.profile import validate_profile
from screener.schema import candidate, candidate_trial, criterion_outcome, note
from screener.store import CandidateStore, open_store

__all__ = [
    "CONSENT_TEXT",
    "CONSENT_VERSION",
    "CandidateStore",
    "ContactDetails",
    "TrialSubmission",
    "normalise_reference_code",
    "open_store",
    "submit_candidate",
    "withdraw_candidate",
]

#: Bump whenever CONSENT_TEXT changes; each candidate row records the version they agreed to.
CONSENT_VERSION = "2026-11-v1"
RETENTION_MONTHS = 12
CONSENT_TEXT = f"""\
**What is shared.** Your answers to this questionnaire, the result for each trial listed below \
(which criteria you seem to meet, which you do not, and which still need checking), and the \
contact details you enter next.

**With whom.** The study teams of the trials listed, through the recruiters who use this \
service for those trials. Each recruiter sees only the trials they work on. Nobody else: no \
advertisers, no analytics companies.

**How long.** {RETENTION_MONTHS} months after you send it, or until you withdraw, whichever comes first.

**How to withdraw.** You will get a reference code. Enter it on this page at any time \
("Withdraw my details") and your name, contact details, answers and any notes about you are \
deleted. A record that a withdrawal happened is kept, without your identity.

This is a pre-screen, not a medical decision: the study team will check whether you can take part."""

PREFERRED_CONTACT = ("email", "phone")
REFERENCE_PREFIX = "PS"
#: Crockford's base 32: no I, L, O or U, so a code read out over the phone is not misheard.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_GROUPS = 3  # 3 groups of 4 characters: 60 random bits
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[0-9 ()./-]+$")
_MAX_TRIES = 5


@dataclass(frozen=True)
class ContactDetails:
    """How the study team may reach the person. Validated on construction (raises ``ProfileError``)."""

    name: str
    email: str | None
    phone: str | None
    preferred_contact: str

    def __post_init__(self) -> None:
        name = (self.name or "").strip()
        email = (self.email or "").strip() or None
        phone = (self.phone or "").strip() or None
        if not name:
            raise ProfileError("Please enter your name so the study team knows whom to contact.", key="name")
        if len(name) > 200:
            raise ProfileError("The name is longer than 200 characters.", key="name")
        if email is None and phone is None:
            raise ProfileError("Please give an email address or a phone number (or both).", key="email")
        if email is not None and not _EMAIL.match(email):
            raise ProfileError(f"{email!r} does not look like an email address (name@example.org).", key="email")
        if phone is not None:
            digits = sum(ch.isdigit() for ch in phone)
            if not _PHONE_CHARS.match(phone) or not 7 <= digits <= 15:
                raise ProfileError(
                    f"{phone!r} does not look like a phone number: use 7 to 15 digits, optionally starting with +.",
                    key="phone",
                )
        if self.preferred_contact not in PREFERRED_CONTACT:
            raise ProfileError(
                f"Preferred contact must be one of {', '.join(PREFERRED_CONTACT)} (got {self.preferred_contact!r}).",
                key="preferred_contact",
            )
        if (self.preferred_contact == "email" and email is None) or (
            self.preferred_contact == "phone" and phone is None
        ):
            raise ProfileError(
                f"You chose to be contacted by {self.preferred_contact}; please enter it too.",
                key=self.preferred_contact,
            )
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "email", email)
        object.__setattr__(self, "phone", phone)


@dataclass(frozen=True)
class TrialSubmission:
    """One trial's result as the person saw it, with where the nearest recruiting site is."""

    result: TrialResult
    registry_data_date: str | None
    distance_miles: float | None
    nearest_site: str | None


def new_reference_code() -> str:
    """E.g. ``PS-7K3Q-9XJD-M2AB``: 60 random bits, so a code cannot be guessed to withdraw someone else."""
    groups = ("".join(secrets.choice(_ALPHABET) for _ in range(4)) for _ in range(_CODE_GROUPS))
    return "-".join((REFERENCE_PREFIX, *groups))


def _new_pseudonym() -> str:
    # Random, not derived from identity: it cannot be reversed to a person once the name is gone.
    return "C" + "".join(secrets.choice(_ALPHABET) for _ in range(9))


def normalise_reference_code(code: str) -> str:
    """Accept what a person types: any case, spaces, and the letters O/I/L read for 0/1."""
    raw = re.sub(r"[\s\-_]", "", code.upper())
    if raw.startswith(REFERENCE_PREFIX):
        raw = raw[len(REFERENCE_PREFIX) :]
    raw = raw.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join((REFERENCE_PREFIX, *(raw[i : i + 4] for i in range(0, len(raw), 4))))


def settling_answers(result: CriterionResult, profile: Mapping[str, Any]) -> dict[str, Any]:
    """The answers a criterion was judged on: profile keys named by its concepts or open keys."""
    keys = dict.fromkeys((*result.concepts, *result.open_keys))
    return {k: profile[k] for k in keys if k in profile}


def submit_candidate(
    store: CandidateStore,
    *,
    contact: ContactDetails,
    profile: Mapping[str, Any],
    submissions: Sequence[TrialSubmission],
    consent_version: str,
    now: datetime | None = None,
) -> str:
    """Store one consented person and their results for each trial; return their reference code.

    Everything is written in one transaction with its audit row: either all of it or nothing.

    Raises:
        StoreError: the consent is not the current version, no trial was given, or the database failed.
        ProfileError: the answers break the profile contract (the message names the key).
    """
    if consent_version != CONSENT_VERSION:
        raise StoreError(
            f"Nothing was stored: the consent agreed to (version {consent_version!r}) is not the current one "
            f"({CONSENT_VERSION!r}).",
            hint="Show the current consent text and ask again.",
        )
    if not submissions:
        raise StoreError("Nothing was stored: choose at least one trial to share your answers with.")
    nct_ids = [s.result.nct_id for s in submissions]
    if len(set(nct_ids)) != len(nct_ids):
        raise StoreError(f"Nothing was stored: a trial appears twice in the submission ({sorted(nct_ids)}).")
    # A plain JSON copy, checked against the public contract: nothing mutable shared with the caller.
    answers = validate_profile(json.loads(json.dumps(dict(profile))))
    now = now or datetime.now(UTC)
    for _ in range(_MAX_TRIES):
        code, pseudonym = new_reference_code(), _new_pseudonym()
        try:
            with store.write() as conn:
                candidate_id = conn.execute(
                    insert(candidate).values(
                        reference_code=code,
                        pseudonym=pseudonym,
                        name=contact.name,
                        email=contact.email,
                        phone=contact.phone,
                        preferred_contact=contact.preferred_contact,
                        consent_version=consent_version,
                        consented_at=now,
                        profile=answers,
                        submitted_at=now,
                    )
                ).inserted_primary_key[0]
                for sub in submissions:
                    _insert_trial(conn, candidate_id, sub, answers, now)
                append_audit(
                    conn,
                    at=now,
                    actor="patient",
                    action=Action.SUBMISSION,
                    candidate=pseudonym,
                    detail=f"consented ({consent_version}); shared with {len(submissions)} trial(s): {', '.join(nct_ids)}",
                )
            return code
        except StoreError as exc:
            if not isinstance(exc.__cause__, IntegrityError):
                raise
            # A random code or pseudonym collided (vanishingly rare): draw new ones.
    raise StoreError("Could not create a unique reference code; please try again.")


def _insert_trial(
    conn: Any, candidate_id: int, sub: TrialSubmission, profile: Mapping[str, Any], now: datetime
) -> None:
    result = sub.result
    trial_id = conn.execute(
        insert(candidate_trial).values(
            candidate_id=candidate_id,
            nct_id=result.nct_id,
            verdict=str(result.verdict),
            distance_miles=sub.distance_miles,
            nearest_site=sub.nearest_site,
            registry_data_date=sub.registry_data_date,
            status=str(Status.NEW),
            furthest_status=str(Status.NEW),
            last_action_at=now,
        )
    ).inserted_primary_key[0]
    rows = [
        {
            "candidate_trial_id": trial_id,
            "idx": c.index,
            "kind": str(c.kind),
            "text": c.text,
            "outcome": str(c.outcome),
            "concepts": list(c.concepts),
            "reason": c.reason,
            "open_keys": list(c.open_keys),
            "answers": settling_answers(c, profile),
        }
        for c in result.criteria
    ]
    if len({r["idx"] for r in rows}) != len(rows):  # indexes left at their default: number in list order
        for pos, r in enumerate(rows):
            r["idx"] = pos
    if rows:
        conn.execute(insert(criterion_outcome), rows)


def withdraw_candidate(store: CandidateStore, reference_code: str, *, now: datetime | None = None) -> None:
    """Delete the person's identifying data: name, contact, answers, notes and free-text screen-fail reasons.

    Kept, without identity: the pseudonymous per-trial verdicts and criterion outcomes (the counts
    recruiters and sponsors learn from), and an audit row saying that a withdrawal happened.
    Withdrawing twice is harmless.

    Raises:
        CandidateNotFound: no candidate has that reference code.
    """
    code = normalise_reference_code(reference_code)
    now = now or datetime.now(UTC)
    with store.write() as conn:
        row = conn.execute(
            select(candidate.c.id, candidate.c.pseudonym, candidate.c.withdrawn_at).where(
                candidate.c.reference_code == code
            )
        ).first()
        if row is None:
            raise CandidateNotFound(
                f"No shared answers were found for reference code {reference_code.strip()!r}.",
                hint="Check the code (it looks like PS-XXXX-XXXX-XXXX) or contact the study team.",
            )
        if row.withdrawn_at is not None:
            return
        trial_ids = select(candidate_trial.c.id).where(candidate_trial.c.candidate_id == row.id)
        conn.execute(
            update(candidate)
            .where(candidate.c.id == row.id)
            .values(name=None, email=None, phone=None, preferred_contact=None, profile=None, withdrawn_at=now)
        )
        conn.execute(
            update(criterion_outcome).where(criterion_outcome.c.candidate_trial_id.in_(trial_ids)).values(answers=None)
        )
        conn.execute(delete(note).where(note.c.candidate_trial_id.in_(trial_ids)))
        conn.execute(
            update(candidate_trial)
            .where(candidate_trial.c.candidate_id == row.id, candidate_trial.c.screen_fail_criterion.is_(None))
            .values(screen_fail_reason=None)
        )
        conn.execute(
            update(candidate_trial)
            .where(candidate_trial.c.candidate_id == row.id)
            .values(status=str(Status.WITHDRAWN), last_action_at=now)
        )
        append_audit(
            conn,
            at=now,
            actor="patient",
            action=Action.WITHDRAWAL,
            candidate=row.pseudonym,
            detail="withdrew consent; name, contact details, answers and notes deleted",
        )
