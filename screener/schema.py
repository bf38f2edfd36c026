"""Tables of the candidate store (SQLAlchemy Core); migrations in screener/migrations build the same schema.

A test compares these tables with the migrated database, so a column added here without a
migration (or the other way round) fails the suite.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC (SQLite has no time zones); always read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given to the store; pass an aware datetime (UTC)")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

#: One consented person. Identity columns (name, email, phone, preferred_contact, profile) are
#: nulled on withdrawal; the row itself stays so de-identified outcomes keep their pseudonym.
candidate = Table(
    "candidate",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("reference_code", String(32), nullable=False, unique=True),
    Column("pseudonym", String(16), nullable=False, unique=True),
    Column("name", Text),
    Column("email", Text),
    Column("phone", Text),
    Column("preferred_contact", String(8)),
    Column("consent_version", String(32), nullable=False),
    Column("consented_at", UTCDateTime(), nullable=False),
    Column("profile", JSON(none_as_null=True)),
    Column("submitted_at", UTCDateTime(), nullable=False),
    Column("withdrawn_at", UTCDateTime()),
)

#: One candidate for one trial: the verdict at submission time and the recruiter pipeline.
candidate_trial = Table(
    "candidate_trial",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("candidate_id", Integer, ForeignKey("candidate.id"), nullable=False),
    Column("nct_id", String(16), nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("distance_miles", Float),
    Column("nearest_site", Text),
    Column("registry_data_date", String(32)),
    Column("status", String(16), nullable=False),
    #: Furthest pipeline stage ever reached, so the funnel still counts a later screen failure.
    Column("furthest_status", String(16), nullable=False),
    Column("owner", String(80)),
    Column("screen_fail_reason", Text),
    #: Index of the criterion picked as the screen-fail reason (None when the reason was written out).
    Column("screen_fail_criterion", Integer),
    Column("last_action_at", UTCDateTime(), nullable=False),
    UniqueConstraint("candidate_id", "nct_id", name="uq_candidate_trial_candidate_id_nct_id"),
    Index("ix_candidate_trial_nct_id_status", "nct_id", "status"),
)

#: Every criterion's outcome at submission time, with the answers that settled it.
criterion_outcome = Table(
    "criterion_outcome",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("candidate_trial_id", Integer, ForeignKey("candidate_trial.id"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("outcome", String(16), nullable=False),
    Column("concepts", JSON, nullable=False),
    Column("reason", Text, nullable=False),
    Column("open_keys", JSON, nullable=False),
    #: Profile key -> value for the answers this criterion was judged on (nulled on withdrawal).
    Column("answers", JSON(none_as_null=True)),
    UniqueConstraint("candidate_trial_id", "idx", name="uq_criterion_outcome_candidate_trial_id_idx"),
)

note = Table(
    "note",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("candidate_trial_id", Integer, ForeignKey("candidate_trial.id"), nullable=False, index=True),
    Column("author", String(80), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("text", Text),
)

recruiter = Table(
    "recruiter",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    #: NCT ids this recruiter may see; NULL means every trial.
    Column("trials", JSON),
    Column("failed_logins", Integer, nullable=False),
    Column("locked_until", UTCDateTime()),
    Column("created_at", UTCDateTime(), nullable=False),
)

#: Append-only (database triggers refuse UPDATE and DELETE). ``candidate`` holds the pseudonym, never a name.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime(), nullable=False, index=True),
    Column("actor", String(80), nullable=False),
    Column("action", String(32), nullable=False),
    Column("candidate", String(16)),
    Column("nct_id", String(16)),
    Column("detail", Text, nullable=False),
)
