"""The one error tree of the pre-screener.

Every error the product raises on purpose is a ``ScreenerError``; its message says
what failed, for which input, and what the person can do about it. The UI shows
them through ``screener.ui.show_error``; anything else is a bug and may surface.

* ScreenerError
  + ConfigError            - a setting is missing or malformed
    - InvalidQuery         - a trial search that cannot be sent
  + ProfileError           - a patient profile breaks the contract (names the key)
  + TrialDataError         - a study record or trials file cannot be read
    - InvalidNctId         - text that is not an NCT number
  + CtGovError             - talking to ClinicalTrials.gov failed
    - CtGovUnavailable     - network failure, timeout, 5xx after retries
    - CtGovRateLimited     - 429 after retries
    - CtGovBlocked         - 403: this client is refused; retrying will not help
    - CtGovBadResponse     - a body that is not the JSON the API documents
    - CtGovRejected        - another 4xx: the request itself was refused (body says why)
    - StudyNotFound        - 404 for one NCT id
  + SnapshotError          - the local trial snapshot is missing or unreadable
    - RefreshFailed        - a refresh stopped; the previous snapshot is untouched
  + StoreError             - the candidate store failed
    - CandidateNotFound    - no candidate for that reference code
  + AuthError              - login or permission problem
    - LoginLocked          - too many failed logins; try again later
    - AccessDenied         - signed in, but not allowed to see this
  + GeocodeError           - a postal code or city we cannot place
  + ExportError            - an export could not be produced
"""

from __future__ import annotations


class ScreenerError(Exception):
    """Base class: catch this to catch every error the product raises on purpose."""

    #: A short title the UI can show above the message.
    title: str = "Something went wrong"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class ConfigError(ScreenerError):
    title = "Configuration problem"


class ProfileError(ScreenerError):
    """A patient profile that breaks ``patient_profile.schema.json``."""

    title = "Some answers could not be read"

    def __init__(self, message: str, *, key: str | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.key = key


class TrialDataError(ScreenerError):
    title = "Trial data could not be read"

    def __init__(self, message: str, *, line: int | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.line = line


class CtGovError(ScreenerError):
    title = "ClinicalTrials.gov could not be reached"

    def __init__(
        self,
        message: str,
        *,
        url: str | None = None,
        status: int | None = None,
        body: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.url = url
        self.status = status
        self.body = body


class CtGovUnavailable(CtGovError):
    pass


class CtGovRateLimited(CtGovError):
    title = "ClinicalTrials.gov asked us to slow down"


class CtGovBlocked(CtGovError):
    title = "ClinicalTrials.gov refused the request"


class CtGovBadResponse(CtGovError):
    title = "ClinicalTrials.gov sent an unexpected answer"


class StudyNotFound(CtGovError):
    title = "No such trial"

    def __init__(self, nct_id: str, *, url: str | None = None) -> None:
        super().__init__(
            f"No such trial: ClinicalTrials.gov has no study {nct_id}.",
            url=url,
            status=404,
            hint="Check the NCT number (NCT followed by 8 digits).",
        )
        self.nct_id = nct_id


class SnapshotError(ScreenerError):
    title = "Trial snapshot problem"


class RefreshFailed(SnapshotError):
    title = "Refresh failed; the previous trial list is still in use"


class StoreError(ScreenerError):
    title = "Candidate store problem"


class CandidateNotFound(StoreError):
    title = "Reference code not found"


class AuthError(ScreenerError):
    title = "Sign-in problem"


class LoginLocked(AuthError):
    title = "Sign-in locked for a while"


class AccessDenied(AuthError):
    title = "Not allowed"


class GeocodeError(ScreenerError):
    title = "Location not found"


class ExportError(ScreenerError):
    title = "Export failed"


class InvalidQuery(ConfigError):
    """A trial search that cannot be sent (no search terms, a bad location or status)."""

    title = "The trial search is not valid"


class InvalidNctId(TrialDataError):
    """Text that is not an NCT number, caught before any request is sent."""

    title = "Not an NCT number"


class CtGovRejected(CtGovError):
    """A 4xx other than 403/404/429: the API refused the request as sent (e.g. a bad field name)."""

    title = "ClinicalTrials.gov rejected the request"
