"""Initial candidate store: candidates, per-trial results, criterion outcomes, notes, recruiters, audit.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from screener.schema import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reference_code", sa.String(32), nullable=False),
        sa.Column("pseudonym", sa.String(16), nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("email", sa.Text),
        sa.Column("phone", sa.Text),
        sa.Column("preferred_contact", sa.String(8)),
        sa.Column("consent_version", sa.String(32), nullable=False),
        sa.Column("consented_at", UTCDateTime(), nullable=False),
        sa.Column("profile", sa.JSON),
        sa.Column("submitted_at", UTCDateTime(), nullable=False),
        sa.Column("withdrawn_at", UTCDateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_candidate"),
        sa.UniqueConstraint("reference_code", name="uq_candidate_reference_code"),
        sa.UniqueConstraint("pseudonym", name="uq_candidate_pseudonym"),
    )
    op.create_table(
        "candidate_trial",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("candidate_id", sa.Integer, nullable=False),
        sa.Column("nct_id", sa.String(16), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("distance_miles", sa.Float),
        sa.Column("nearest_site", sa.Text),
        sa.Column("registry_data_date", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("furthest_status", sa.String(16), nullable=False),
        sa.Column("owner", sa.String(80)),
        sa.Column("screen_fail_reason", sa.Text),
        sa.Column("screen_fail_criterion", sa.Integer),
        sa.Column("last_action_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_candidate_trial"),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], name="fk_candidate_trial_candidate_id_candidate"),
        sa.UniqueConstraint("candidate_id", "nct_id", name="uq_candidate_trial_candidate_id_nct_id"),
    )
    op.create_table(
        "criterion_outcome",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("candidate_trial_id", sa.Integer, nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("concepts", sa.JSON, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("open_keys", sa.JSON, nullable=False),
        sa.Column("answers", sa.JSON),
        sa.PrimaryKeyConstraint("id", name="pk_criterion_outcome"),
        sa.ForeignKeyConstraint(
            ["candidate_trial_id"],
            ["candidate_trial.id"],
            name="fk_criterion_outcome_candidate_trial_id_candidate_trial",
        ),
        sa.UniqueConstraint("candidate_trial_id", "idx", name="uq_criterion_outcome_candidate_trial_id_idx"),
    )
    op.create_index("ix_criterion_outcome_candidate_trial_id", "criterion_outcome", ["candidate_trial_id"])
    op.create_table(
        "note",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("candidate_trial_id", sa.Integer, nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("text", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_note"),
        sa.ForeignKeyConstraint(
            ["candidate_trial_id"], ["candidate_trial.id"], name="fk_note_candidate_trial_id_candidate_trial"
        ),
    )
    op.create_index("ix_note_candidate_trial_id", "note", ["candidate_trial_id"])
    op.create_table(
        "recruiter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("trials", sa.JSON),
        sa.Column("failed_logins", sa.Integer, nullable=False),
        sa.Column("locked_until", UTCDateTime()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recruiter"),
        sa.UniqueConstraint("name", name="uq_recruiter_name"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("candidate", sa.String(16)),
        sa.Column("nct_id", sa.String(16)),
        sa.Column("detail", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit"),
    )
    op.create_index("ix_audit_at", "audit", ["at"])


def downgrade() -> None:
    for table in ("audit", "recruiter", "note", "criterion_outcome", "candidate_trial", "candidate"):
        op.drop_table(table)
