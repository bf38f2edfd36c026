"""Consent-gated hand-off: share the person's answers and results with the study teams they pick.

Nothing identifying is stored before the person ticks the consent box and presses
submit; this module is the only path from the patient page to the candidate store.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from screener.candidates import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    CandidateStore,
    ContactDetails,
    TrialSubmission,
    submit_candidate,
    withdraw_candidate,
)
from screener.errors import StoreError
from screener.service import ScreeningResults

__all__ = ["CONSENT_TEXT", "CONSENT_VERSION", "ContactDetails", "share_with_study_team", "withdraw"]


def share_with_study_team(
    store: CandidateStore,
    *,
    results: ScreeningResults,
    nct_ids: Iterable[str],
    contact: ContactDetails,
    consented: bool,
    consent_version: str = CONSENT_VERSION,
    now: datetime | None = None,
) -> str:
    """Store the person, their answers and the chosen trials' results; return the reference code.

    Raises:
        StoreError: no consent, no trial chosen, or the store failed (nothing is stored).
        ProfileError: contact details or answers are not valid (names the field).
    """
    if not consented:
        raise StoreError("Nothing was shared: please tick the box to agree first.")
    chosen = set(nct_ids)
    submissions = [
        TrialSubmission(
            result=m.result,
            registry_data_date=m.trial.data_date,
            distance_miles=m.distance_miles,
            nearest_site=m.nearest_site.label if m.nearest_site else None,
        )
        for m in results.shown
        if m.trial.nct_id in chosen
    ]
    return submit_candidate(
        store,
        contact=contact,
        profile=results.profile,
        submissions=submissions,
        consent_version=consent_version,
        now=now,
    )


def withdraw(store: CandidateStore, reference_code: str) -> None:
    """Delete what the person shared (raises ``CandidateNotFound`` for an unknown code)."""
    withdraw_candidate(store, reference_code)
