"""Recruiter workspace: sign in, review the candidates per trial, move them along, chart, export."""

from datetime import UTC, datetime

import altair as alt
import pandas as pd
import streamlit as st

from screener import ui
from screener.audit import read_audit
from screener.auth import authenticate
from screener.errors import ScreenerError
from screener.lead_table import (
    LEAD_COLUMNS,
    MILES_COLUMN,
    MISSING,
    audit_rows,
    criterion_rows,
    lead_list_rows,
    miles_text,
)
from screener.leads import lead_detail, list_leads, visible_trials
from screener.pipeline import LABELS, Status, allowed_moves
from screener.review import add_note, change_status, export_leads, funnel, top_excluding_criteria

OTHER_REASON = -1

st.title("Recruiter workspace")
settings = ui.get_settings()
try:
    store = ui.get_candidate_store()
    recruiter = ui.current_recruiter(store, settings)
except ScreenerError as exc:
    ui.show_error(exc)
    st.stop()

# --- Sign-in gate: nothing below runs without a signed-in recruiter. -------------------------------
if recruiter is None:
    if st.session_state.pop(ui.RECRUITER_EXPIRED, False):
        st.info(f"You were signed out after {settings.session_timeout_min:g} minutes without activity.")
    st.write("This area is for study recruiters. Looking for a trial? Use **Find trials** in the menu.")
    with st.form("login"):
        name = st.text_input("Name", key="login_name")
        password = st.text_input("Password", type="password", key="login_password")
        submitted = st.form_submit_button("Sign in")
    if submitted:
        try:
            signed_in = authenticate(
                store,
                name,
                password,
                max_failures=settings.login_max_failures,
                lockout_min=settings.login_lockout_min,
            )
        except ScreenerError as exc:
            ui.show_error(exc)
        else:
            ui.start_recruiter_session(signed_in)
            st.rerun()
    st.stop()

with st.sidebar:
    scope = "all trials" if recruiter.trials is None else ", ".join(sorted(recruiter.trials))
    st.caption(f"Signed in as **{recruiter.name}** · {scope}")
    if st.button("Sign out", key="sign_out"):
        ui.end_recruiter_session(store, reason="signed out")
        st.rerun()

trials = visible_trials(store, recruiter)
if not trials:
    st.info("No candidates yet for your trials.")
    st.stop()
col_trial, col_status = st.columns([1, 2])
nct_id = col_trial.selectbox("Trial", trials, key="trial")
statuses = col_status.multiselect(
    "Status", list(Status), format_func=lambda s: LABELS[s], key="status_filter", placeholder="All statuses"
)
try:
    leads = list_leads(store, recruiter, nct_id=nct_id, statuses=statuses, stale_days=settings.stale_lead_days)
except ScreenerError as exc:
    ui.show_error(exc)
    st.stop()

# --- The list ---------------------------------------------------------------------------------------
st.subheader(f"Candidates for {nct_id} ({len(leads)})")
st.dataframe(
    # The Styler shows "—" for an unknown distance while the column stays numeric, so it still sorts.
    pd.DataFrame(lead_list_rows(leads), columns=list(LEAD_COLUMNS))
    .astype({MILES_COLUMN: "float64"})
    .style.format({MILES_COLUMN: "{:.0f}"}, na_rep=MISSING),
    hide_index=True,
)
stale = sum(lead.stale for lead in leads)
if stale:
    st.warning(f"{stale} lead(s) had no action for more than {settings.stale_lead_days} days.")

# --- One lead ---------------------------------------------------------------------------------------
if leads:
    by_id = {lead.id: lead for lead in leads}
    lead_id = st.selectbox(
        "Open a candidate",
        list(by_id),
        format_func=lambda i: f"{by_id[i].name or by_id[i].pseudonym} · {LABELS[by_id[i].status]}",
        key="lead",
    )
    first_view = st.session_state.get("_viewed_lead") != lead_id
    try:
        detail = lead_detail(store, recruiter, lead_id, stale_days=settings.stale_lead_days, audit_view=first_view)
    except ScreenerError as exc:
        ui.show_error(exc)
        st.stop()
    st.session_state["_viewed_lead"] = lead_id
    lead = detail.lead
    with st.container(border=True):
        st.markdown(f"### {lead.name or 'Withdrawn candidate'} · `{lead.pseudonym}`")
        if lead.name:
            st.write(
                f"Email: {lead.email or '—'} · Phone: {lead.phone or '—'} · prefers **{lead.preferred_contact or '—'}**"
            )
        st.write(
            f"Verdict **{lead.verdict}** · nearest site {lead.nearest_site or '—'}"
            f" ({miles_text(lead.distance_miles)})"
            f" · registry data of {lead.registry_data_date or '—'} · status **{LABELS[lead.status]}**"
        )
        if lead.screen_fail_reason:
            st.write(f"Screen-fail reason: {lead.screen_fail_reason}")
        if lead.questions:
            st.markdown("**Questions to ask**")
            st.markdown("\n".join(f"- {q}" for q in lead.questions))
        st.dataframe(pd.DataFrame(criterion_rows(detail.criteria)), hide_index=True)
        for n in detail.notes:
            st.caption(f"{n.created_at:%Y-%m-%d %H:%M} · {n.author}")
            st.text(n.text)

        moves = allowed_moves(lead.status)
        if moves:
            new_status = st.selectbox("Move to", moves, format_func=lambda s: LABELS[s], key="new_status")
            criterion_index, reason = None, None
            if new_status is Status.SCREEN_FAILED:
                choices = [c.index for c in sorted(detail.criteria, key=lambda c: c.outcome != "fail")]
                texts = {c.index: c.text for c in detail.criteria}
                pick = st.selectbox(
                    "Failing criterion",
                    [*choices, OTHER_REASON],
                    format_func=lambda i: "Other reason (write it)" if i == OTHER_REASON else texts[i],
                    key="fail_criterion",
                )
                if pick == OTHER_REASON:
                    reason = st.text_input("Reason", key="fail_reason")
                else:
                    criterion_index = pick
            if st.button("Apply status", key="apply_status"):
                try:
                    change_status(store, recruiter, lead_id, new_status, reason=reason, criterion_index=criterion_index)
                except ScreenerError as exc:
                    ui.show_error(exc)
                else:
                    st.rerun()
        if lead.status is not Status.WITHDRAWN:
            text = st.text_area("Note", key="note_text")
            if st.button("Add note", key="add_note"):
                try:
                    add_note(store, recruiter, lead_id, text)
                except ScreenerError as exc:
                    ui.show_error(exc)
                else:
                    st.rerun()

# --- Charts -----------------------------------------------------------------------------------------
st.subheader("Funnel and excluding criteria")
col_funnel, col_top = st.columns(2)
stages = pd.DataFrame(
    [{"stage": LABELS[s], "order": i, "leads": n} for i, (s, n) in enumerate(funnel(store, recruiter, nct_id=nct_id))]
)
col_funnel.altair_chart(
    alt.Chart(stages)
    .mark_bar()
    .encode(x="leads:Q", y=alt.Y("stage:N", sort=alt.SortField("order")), tooltip=["leads"]),
)
top = top_excluding_criteria(store, recruiter, nct_id=nct_id)
if top:
    frame = pd.DataFrame([{"criterion": t.text[:80], "people": t.count, "kind": t.kind} for t in top])
    col_top.altair_chart(
        alt.Chart(frame)
        .mark_bar()
        .encode(x="people:Q", y=alt.Y("criterion:N", sort="-x"), color="kind:N", tooltip=["criterion", "people"]),
    )
else:
    col_top.caption("No criterion has excluded anyone yet.")

# --- Export -----------------------------------------------------------------------------------------
st.subheader("Export the list above")
col_fmt, col_kind, col_go = st.columns(3)
fmt = col_fmt.selectbox("Format", ["xlsx", "csv"], key="export_format")
identified = col_kind.radio(
    "Content", ["De-identified (for sponsors)", "Identified (name and contact)"], key="export_kind"
).startswith("Identified")
if col_go.button("Prepare export", key="prepare_export"):
    try:
        data = export_leads(store, recruiter, fmt=fmt, identified=identified, nct_id=nct_id, statuses=statuses)
    except ScreenerError as exc:
        ui.show_error(exc)
    else:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M")
        kind = "identified" if identified else "deidentified"
        st.session_state["_export"] = (nct_id, data, f"candidates-{nct_id}-{kind}-{stamp}.{fmt}", fmt)
if st.session_state.get("_export", (None,))[0] == nct_id:  # an export prepared for another trial is not offered
    _, data, file_name, kind_fmt = st.session_state["_export"]
    mime = "text/csv" if kind_fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    st.download_button(f"Download {file_name}", data, file_name=file_name, mime=mime, key="download_export")

with st.expander("Audit trail"):
    entries = read_audit(
        store, trials=None if recruiter.trials is None else sorted(recruiter.trials), actor=recruiter.name
    )
    st.dataframe(pd.DataFrame(audit_rows(entries)), hide_index=True)
