"""Patient page: a short questionnaire, live results with reasons, a doctor summary and consent to share.

Thin by design: widgets are read here, ``service.screen_patient`` does the work, and
this file only renders. Answers live in the session; nothing is stored unless the
person consents at the bottom of the page.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from criteria.model import Outcome, Verdict
from screener import hand_off, service, ui
from screener.errors import GeocodeError, ProfileError, ScreenerError
from screener.next_question import Step, step_by_id
from screener.plain import (
    OUTCOME_MARKS,
    OUTCOME_WORDS,
    VERDICT_LABELS,
    distance_label,
    phase_label,
    short_summary,
    status_label,
    tested_label,
)
from screener.questions import Question, QuestionBank
from screener.site_contacts import contact_lines, nearest_site_contacts

SOMETHING_ELSE = "Something else"
PER_GROUP = 10
#: After about a dozen screens (the issue's three minutes) the person is told they can stop.
ENOUGH_STEPS = 12
_MISSING = object()
# Registry text is shown as written: these would otherwise turn into Markdown, LaTeX ($) or HTML.
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]<>()#+-.!|$~"})


def _plain(text: str) -> str:
    return html.escape(text, quote=False).translate(_MD_SPECIAL) if text else text


bank: QuestionBank = ui.get_question_bank()
prepared = ui.get_prepared_snapshot()
state = st.session_state
answers: dict[str, Any] = state.setdefault(ui.PATIENT_ANSWERS, {})
history: list[str] = state.setdefault(ui.PATIENT_HISTORY, [])
today = date.today()

try:
    results = service.screen_patient(prepared, answers, bank=bank, today=today)
except ProfileError as exc:
    ui.show_error(exc)
    st.stop()


# ---------------------------------------------------------------- question widgets
def _radio(question: Question, prompt: str) -> Callable[[], Any]:
    labels = [o.label for o in question.options] + [bank.not_sure_label]
    current = answers.get(question.id, _MISSING)
    index = None
    if current is None:
        index = len(labels) - 1
    elif current is not _MISSING:
        index = labels.index(question.label_of(current)) if question.label_of(current) in labels else None
    key = f"q_{question.id}"
    st.radio(prompt, labels, index=index, key=key, horizontal=question.horizontal or question.type == "yes_no")

    def read() -> Any:
        choice = state.get(key)
        if choice is None or choice == bank.not_sure_label:
            return None
        return next(o.value for o in question.options if o.label == choice)

    return read


def _multi(question: Question, prompt: str) -> Callable[[], Any]:
    current = answers.get(question.id)
    st.markdown(f"**{prompt}**")
    for opt in question.options:
        st.checkbox(
            opt.label, value=isinstance(current, list) and opt.value in current, key=f"q_{question.id}_{opt.value}"
        )
    st.checkbox(bank.none_label, value=current == [], key=f"q_{question.id}__none")

    def read() -> Any:
        chosen = [o.value for o in question.options if state.get(f"q_{question.id}_{o.value}")]
        if chosen:
            return chosen
        # Ticking nothing is "Not sure"; only "None of these" says no.
        return [] if state.get(f"q_{question.id}__none") else None

    return read


def _integer(question: Question, prompt: str) -> Callable[[], Any]:
    key = f"q_{question.id}"
    current = answers.get(question.id)
    st.number_input(
        prompt,
        min_value=question.min,
        max_value=question.max,
        value=current,
        step=1,
        key=key,
        placeholder="Type a number",
    )
    return lambda: None if state.get(key) is None else int(state[key])


def _location(question: Question, prompt: str) -> Callable[[], Any]:
    key = f"q_{question.id}"
    current = answers.get(question.id) or {}
    st.text_input(prompt, value=current.get("label", ""), key=key, placeholder="ZIP code or city")

    def read() -> Any:
        text = (state.get(key) or "").strip()
        if not text:
            return None
        if text == current.get("label"):
            return current
        return service.locate(ui.get_geocoder(), text)

    return read


def _bmi(question: Question, prompt: str) -> Callable[[], Any]:
    st.markdown(f"**{prompt}**")
    cols = st.columns(3)
    cols[0].number_input("Height: feet", min_value=3, max_value=8, value=None, step=1, key="q_bmi_feet")
    cols[1].number_input("Height: inches", min_value=0, max_value=11, value=None, step=1, key="q_bmi_inches")
    cols[2].number_input("Weight: pounds", min_value=50, max_value=700, value=None, step=1, key="q_bmi_pounds")

    def read() -> Any:
        feet, pounds = state.get("q_bmi_feet"), state.get("q_bmi_pounds")
        if feet is None or pounds is None:
            return None
        height_in = feet * 12 + (state.get("q_bmi_inches") or 0)
        bmi = round(703 * pounds / height_in**2, 1)
        if not 10 <= bmi <= 90:
            raise ProfileError(f"A height of {height_in} inches and {pounds} pounds gives a BMI of {bmi}.", key="bmi")
        return bmi

    return read


def _condition(question: Question, prompt: str) -> Callable[[], Any]:
    vocab = prepared.vocabulary
    labels = [*vocab.labels, SOMETHING_ELSE, bank.not_sure_label]
    current = answers.get(question.id, _MISSING)
    if current is _MISSING:
        index = labels.index(vocab.default)
    elif current is None:
        index = len(labels) - 1
    else:
        index = labels.index(current) if current in labels else labels.index(SOMETHING_ELSE)
    choice = st.radio(prompt, labels, index=index, key="q_condition")
    if choice == SOMETHING_ELSE:
        typed = current if isinstance(current, str) and current not in labels else ""
        st.text_input(
            "Type the health problem", value=typed, key="q_condition_text", placeholder="For example: knee pain"
        )

    def read() -> Any:
        picked = state.get("q_condition")
        if picked == bank.not_sure_label:
            return None
        if picked == SOMETHING_ELSE:
            typed = (state.get("q_condition_text") or "").strip()
            if not typed:
                raise ProfileError("Please type the health problem, or pick one from the list.", key="condition")
            return typed[:200]
        return picked

    return read


_RENDER = {
    "yes_no": _radio,
    "single": _radio,
    "multi": _multi,
    "integer": _integer,
    "location": _location,
    "bmi": _bmi,
    "condition": _condition,
}


def _go_back(step_id: str | None) -> None:
    position = history.index(step_id) if step_id in history else len(history)
    if position > 0:
        state[ui.PATIENT_EDITING] = history[position - 1]


def _save(step: Step, values: dict[str, Any]) -> None:
    answers.update(values)
    if step.id not in history:
        history.append(step.id)
    state[ui.PATIENT_EDITING] = None


def _question_card(step: Step) -> None:
    condition = results.condition
    total = results.answered_steps + results.remaining_steps
    done = results.answered_steps
    st.progress(done / total if total else 1.0, text=f"{done} of about {total} questions answered")
    if done >= ENOUGH_STEPS:
        st.info(
            "You have answered enough for useful results. Each extra answer sorts more trials, "
            "and you can stop at any time with “See my results now”."
        )
    with st.container(border=True, key="question_card"):
        if step.stage == "safety":
            st.subheader("A few safety questions")
            st.caption("These help you know when to see a doctor. They do not stop you from using this tool.")
        if step.stage == "follow_up" and step.settles:
            st.caption(f"This answer helps sort {step.settles} of your trials.")
        readers = {}
        for question in step.questions:
            readers[question.id] = _RENDER[question.type](question, question.prompt(condition))
            if question.help:
                st.caption(question.help)
        cols = st.columns([1, 1, 1, 2])
        back = cols[0].button(
            "Back", key="back", disabled=not history or step.id == (history[0] if history else None), width="stretch"
        )
        not_sure = cols[1].button(bank.not_sure_label, key="not_sure", width="stretch")
        nxt = cols[2].button("Next", key="next", type="primary", width="stretch")
        stop = cols[3].button("See my results now", key="see_results", width="stretch")
        ui.focus_first_control("question_card", step.id)
    if back:
        _go_back(step.id)
        st.rerun()
    if not_sure:
        _save(step, {q.id: None for q in step.questions})
        st.rerun()
    if stop:
        state[ui.PATIENT_VIEW] = "results"
        state[ui.PATIENT_EDITING] = None
        st.rerun()
    if nxt:
        try:
            values = {qid: read() for qid, read in readers.items()}
        except (GeocodeError, ProfileError) as exc:
            ui.show_error(exc)
        else:
            _save(step, values)
            st.rerun()


def _answers_list() -> None:
    if not answers:
        return
    with st.expander(f"Your answers ({len(answers)}) · change any of them"):
        by_id = bank.by_id()
        shown_safety = False
        for qid, value in answers.items():
            question = by_id.get(qid)
            if question is None:
                continue
            step_id = "safety" if question.stage == "safety" else qid
            cols = st.columns([5, 1])
            shown = bank.not_sure_label if value is None else question.label_of(value)
            cols[0].markdown(f"{_plain(question.prompt(results.condition))} **{_plain(shown)}**")
            if step_id == "safety" and shown_safety:
                continue
            shown_safety = shown_safety or step_id == "safety"
            if cols[1].button("Change", key=f"change_{step_id}"):
                state[ui.PATIENT_EDITING] = step_id
                state[ui.PATIENT_VIEW] = "questions"
                st.rerun()


# ---------------------------------------------------------------- results
def _checklist(match: service.TrialMatch) -> None:
    counts = {o: sum(1 for c in match.result.criteria if c.outcome is o) for o in Outcome}
    label = (
        f"Why: criteria checklist ({counts[Outcome.PASS]} ✓ met, {counts[Outcome.FAIL]} ✗ not met, "
        f"{counts[Outcome.UNKNOWN]} ? to check)"
    )
    with st.expander(label):
        if not match.result.criteria:
            st.write("This listing gives no criteria.")
        for crit in match.result.criteria:
            st.markdown(
                f"{OUTCOME_MARKS[crit.outcome]} **{crit.kind.capitalize()}** ({OUTCOME_WORDS[crit.outcome]}): "
                f"{_plain(crit.text)}  \n<small>{_plain(crit.reason)}</small>",
                unsafe_allow_html=True,
            )


def _trial_card(match: service.TrialMatch) -> None:
    trial = match.trial
    with st.container(border=True):
        st.markdown(f"#### {_plain(trial.brief_title)}")
        badges = [f"**{VERDICT_LABELS[match.verdict]}**", status_label(trial.overall_status), phase_label(trial.phases)]
        st.markdown(" · ".join(badges))
        st.markdown(_plain(short_summary(trial.brief_summary)))
        st.markdown(f"**What is tested:** {_plain(tested_label(trial.interventions))}")
        if match.nearest_site is not None:
            st.markdown(
                f"**Nearest recruiting site:** {_plain(match.nearest_site.label)} ({distance_label(match.distance_miles)})"
            )
        elif match.recruiting_sites:
            st.markdown(f"**Recruiting sites:** {match.recruiting_sites} (tell us where you live to see the nearest)")
        else:
            st.markdown("**Recruiting sites:** none listed with a location; ask the contacts below.")
        st.caption(f"Registry record dated {trial.data_date or 'unknown'} · {trial.nct_id}")
        if match.stale_reasons:
            st.warning("This listing may be out of date: " + "; ".join(match.stale_reasons) + ".", icon="🕰️")
        _checklist(match)
        contacts = contact_lines([c for c in trial.central_contacts if c.name or c.phone])
        if contacts:
            st.markdown("**Contacts:** " + " | ".join(_plain(c) for c in contacts))
        sites = nearest_site_contacts(match.site_distances)
        if sites:
            st.markdown(
                "**Contacts at the sites nearest you:**\n"
                + "\n".join(
                    f"- {_plain(s.site.label)} ({distance_label(s.distance_miles)}): "
                    + " | ".join(_plain(line) for line in contact_lines(s.contacts))
                    for s in sites
                )
            )
        st.markdown(f"[See this trial on ClinicalTrials.gov]({trial.url})")


def _group(title: str, matches: tuple[service.TrialMatch, ...], key: str) -> None:
    show_all = state.get(f"all_{key}", False)
    for match in matches if show_all else matches[:PER_GROUP]:
        _trial_card(match)
    if len(matches) > PER_GROUP:
        st.toggle(f"Show all {len(matches)} {title.lower()}", key=f"all_{key}")


def _map() -> None:
    if not results.map_points or not results.person_location:
        return
    # Imported here, not at the top: the map only exists once a location is known, and these
    # imports would add a quarter of a second to every first page load.
    import altair as alt
    import pandas as pd

    sites = pd.DataFrame(
        [
            {
                "lat": p.lat,
                "lon": p.lon,
                "site": p.site,
                "city": p.city,
                "trial": p.title,
                "verdict": VERDICT_LABELS[Verdict(p.verdict)],
                "miles": round(p.distance_miles),
            }
            for p in results.map_points
        ]
    )
    here = pd.DataFrame([{"lat": results.person_location["lat"], "lon": results.person_location["lon"], "site": "You"}])
    # Points on a plain projection: no map tiles, so no request leaves for a third-party tile server.
    dots = (
        alt.Chart(sites)
        .mark_circle(size=90, opacity=0.8)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            color=alt.Color("verdict:N", title="Your match"),
            tooltip=["site:N", "trial:N", "verdict:N", "miles:Q"],
        )
    )
    you = (
        alt.Chart(here)
        .mark_point(shape="diamond", size=220, filled=True, color="black")
        .encode(longitude="lon:Q", latitude="lat:Q", tooltip=["site:N"])
    )
    # City names give the dots a sense of place without a basemap.
    names = (
        alt.Chart(sites.drop_duplicates("city").head(25))
        .mark_text(align="left", dx=7, fontSize=11, color="#444")
        .encode(longitude="lon:Q", latitude="lat:Q", text="city:N")
    )
    st.markdown("#### Recruiting sites near you")
    st.altair_chart((dots + names + you).project(type="mercator").properties(height=380), width="stretch")
    st.caption("Each dot is a study site that is recruiting. The black diamond is you. Hover over a dot for details.")


def _results() -> None:
    st.header("Your matches")
    ui.show_disclaimer()
    st.caption(
        f"Trial data from ClinicalTrials.gov as of {results.registry_date}. Only trials that are recruiting or "
        "about to recruit are shown."
    )
    if results.condition and not (results.shown or results.excluded):
        st.info(
            f"We found no recruiting trials about “{results.condition}” in our list"
            + (f" ({results.closed_count} are closed)." if results.closed_count else ".")
        )
        if results.similar_conditions:
            st.write("Did you mean one of these?")
            cols = st.columns(len(results.similar_conditions))
            for i, name in enumerate(results.similar_conditions):
                if cols[i].button(name, key=f"suggest_{i}"):
                    answers["condition"] = name
                    st.rerun()
    cols = st.columns(4)
    cols[0].metric("Likely eligible", len(results.likely))
    cols[1].metric("Possibly eligible", len(results.possible))
    cols[2].metric("Further than you travel", len(results.too_far))
    cols[3].metric("Not eligible", len(results.excluded))
    _map()
    if results.likely:
        st.subheader(f"Likely eligible ({len(results.likely)})")
        _group("Likely eligible", results.likely, "likely")
    if results.possible:
        st.subheader(f"Possibly eligible ({len(results.possible)})")
        st.caption("Nothing rules you out yet. The study team will check the items marked ?.")
        _group("Possibly eligible", results.possible, "possible")
    if results.too_far:
        with st.expander(f"Further than you want to travel ({len(results.too_far)})"):
            _group("Further away", results.too_far, "too_far")
    if results.excluded:
        with st.expander(f"Not eligible ({len(results.excluded)})"):
            st.caption("Each of these has at least one criterion your answers do not meet (marked ✗).")
            _group("Not eligible", results.excluded, "excluded")
    ui.show_disclaimer()


# ---------------------------------------------------------------- hand-off
def _share() -> None:
    st.header("Take it further")
    snapshot_answers = dict(answers)

    def pdf() -> bytes:
        # Built only when the button is pressed; fpdf2 is imported then too (it is slow to import).
        from screener.summary_pdf import build_summary_pdf

        return build_summary_pdf(results, bank, snapshot_answers, today=today)

    st.download_button(
        "Download a summary for your doctor (PDF)",
        data=pdf,
        file_name=f"trial-prescreen-{today.isoformat()}.pdf",
        mime="application/pdf",
        key="pdf",
        on_click="ignore",
    )
    reference = state.get(ui.PATIENT_REFERENCE)
    if reference:
        st.success(
            f"Your answers were shared. Your reference code is **{reference}**. Keep it: you can use it to "
            "withdraw your details at any time."
        )
    elif not results.shown:
        st.caption("When a trial may fit you, you can share your answers with its study team here.")
    elif not state.get(ui.PATIENT_SHARE_OPEN):
        st.caption("Nothing you typed has been saved. It stays in this browser tab unless you choose to share it.")
        if st.button("Share my answers with the study team", key="share_open"):
            state[ui.PATIENT_SHARE_OPEN] = True
            st.rerun()
    else:
        _consent_form()
    with st.expander("Withdraw my data"):
        code = st.text_input("Your reference code", key="withdraw_code", placeholder="PS-XXXX-XXXX-XXXX")
        if st.button("Withdraw my data", key="withdraw"):
            try:
                hand_off.withdraw(ui.get_candidate_store(), code)
            except ScreenerError as exc:
                ui.show_error(exc)
            else:
                st.success("Done. Your name, contact details and answers have been deleted.")


def _consent_form() -> None:
    with st.container(border=True):
        st.subheader("Share my answers with the study team")
        st.markdown(hand_off.CONSENT_TEXT)
        options = {
            m.trial.nct_id: f"{m.trial.brief_title} ({VERDICT_LABELS[m.verdict].lower()})" for m in results.shown
        }
        chosen = st.multiselect(
            "Trials to share with",
            list(options),
            default=list(options)[:3],
            format_func=options.get,
            key="share_trials",
        )
        agreed = st.checkbox("I have read this and I agree to share my answers", key="consent_agree")
        name = st.text_input("Your name", key="contact_name", autocomplete="name")
        email = st.text_input("Email", key="contact_email", autocomplete="email")
        phone = st.text_input("Phone", key="contact_phone", autocomplete="tel")
        preferred = st.radio(
            "How should they contact you?", ["email", "phone"], key="contact_preferred", horizontal=True
        )
        if st.button("Send my answers", key="share_submit", type="primary"):
            try:
                contact = hand_off.ContactDetails(name=name, email=email, phone=phone, preferred_contact=preferred)
                code = hand_off.share_with_study_team(
                    ui.get_candidate_store(), results=results, nct_ids=chosen, contact=contact, consented=agreed
                )
            except ScreenerError as exc:
                ui.show_error(exc)
            else:
                state[ui.PATIENT_REFERENCE] = code
                state[ui.PATIENT_SHARE_OPEN] = False
                st.rerun()


# ---------------------------------------------------------------- page
st.title("Find a clinical trial that may fit you")
st.markdown(
    "Answer a few short questions (about 3 minutes). You will see which recruiting studies may fit you, and why. "
    "Every question has a **Not sure** choice, and you can stop at any time."
)
if results.safety:
    notice = f"**{results.safety.message}**\n\nYou said yes to: " + "; ".join(results.safety.reasons)
    (st.error if results.safety.urgent else st.warning)(notice, icon="🚑" if results.safety.urgent else "🩺")

editing = state.get(ui.PATIENT_EDITING)
step = step_by_id(bank, editing, results.profile) if editing else results.next_step
view = state.get(ui.PATIENT_VIEW, "questions")
if step is not None and (view == "questions" or editing):
    _question_card(step)
elif step is not None:
    if st.button("Keep answering questions", key="keep_going"):
        state[ui.PATIENT_VIEW] = "questions"
        st.rerun()
else:
    st.success("You have answered every question that could change your results.")
_answers_list()
_results()
_share()
