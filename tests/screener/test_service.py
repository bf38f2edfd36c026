"""screen_patient: relevant trials, grouped and ranked, with distance to the nearest recruiting site."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from criteria.model import Verdict
from screener.errors import ProfileError
from screener.geo import haversine_miles
from screener.questions import load_question_bank
from screener.service import screen_patient
from tests.patient_support import back_prepared

BANK = load_question_bank()
PREPARED = back_prepared()
TODAY = date(2026, 11, 22)
BOSTON = {"label": "Boston, MA", "lat": 42.35843, "lon": -71.05977, "country": "United States"}
BASE = {"condition": "Lower back pain", "location": BOSTON}


def _screen(answers):
    return screen_patient(PREPARED, answers, bank=BANK, today=TODAY)


def test_only_open_trials_about_the_condition_are_judged():
    results = _screen({"condition": "Spinal stenosis"})
    wanted = PREPARED.index.matching_ids("Spinal stenosis")
    judged = (*results.shown, *results.excluded)
    assert judged
    assert all(m.trial.nct_id in wanted and m.trial.is_open for m in judged)
    assert results.closed_count == sum(1 for t in PREPARED.trials if t.nct_id in wanted and not t.is_open)


def test_not_sure_to_everything_keeps_every_trial_in_play():
    answers = {q.id: None for q in BANK.questions if q.id != "condition"} | {"condition": "Lower back pain"}
    results = _screen(answers)
    assert not results.excluded
    assert results.possible


def test_age_outside_every_range_moves_trials_to_not_eligible():
    before = _screen(BASE)
    after = _screen({**BASE, "age": 12})
    assert len(after.excluded) > len(before.excluded)
    # NCT04631133 takes adults only ("18 Years" minimum in the registry record).
    assert "NCT04631133" in {m.trial.nct_id for m in after.excluded}


def test_nearest_site_is_a_recruiting_site_and_distance_is_correct():
    results = _screen(BASE)
    with_site = [m for m in results.shown if m.nearest_site is not None]
    assert with_site
    for match in with_site:
        site = match.nearest_site
        assert site.is_recruiting
        assert match.distance_miles == pytest.approx(haversine_miles(42.35843, -71.05977, site.lat, site.lon))
        others = [s for s in match.trial.locations if s.is_recruiting and s.lat is not None]
        assert all(haversine_miles(42.35843, -71.05977, s.lat, s.lon) >= match.distance_miles for s in others)


def test_closed_sites_are_never_the_nearest_site():
    # NCT04839783 lists 6 sites, 3 of them not recruiting.
    match = next(m for m in _screen({**BASE, "condition": "Spinal stenosis"}).shown if m.trial.nct_id == "NCT04839783")
    closed = [s for s in match.trial.locations if not s.is_recruiting]
    assert closed
    assert match.nearest_site not in closed


def test_groups_are_ranked_by_distance_then_unknowns():
    results = _screen(BASE)
    for group in (results.likely, results.possible):
        keys = [(m.distance_miles if m.distance_miles is not None else float("inf"), m.unknown_count) for m in group]
        assert keys == sorted(keys)
    assert all(m.verdict is Verdict.POSSIBLE for m in results.possible)
    assert all(m.verdict is Verdict.LIKELY for m in results.likely)


def test_trials_beyond_travel_distance_are_set_apart_not_excluded():
    results = _screen({**BASE, "max_travel_miles": 25})
    assert results.too_far
    assert all(m.distance_miles > 25 for m in results.too_far)
    assert all(m.distance_miles is None or m.distance_miles <= 25 for m in (*results.likely, *results.possible))
    assert all(m.verdict is not Verdict.EXCLUDED for m in results.too_far)


def test_map_shows_recruiting_sites_within_travel_distance():
    results = _screen({**BASE, "max_travel_miles": 100})
    assert results.map_points
    assert all(p.distance_miles <= 100 for p in results.map_points)


def test_stale_listing_is_flagged_with_its_reason():
    stale = [m for m in _screen(BASE).shown if m.stale_reasons]
    assert stale
    assert all(m.stale_reasons == tuple(m.trial.stale_reasons(TODAY)) for m in stale)


def test_red_flag_answer_brings_a_notice_but_still_screens():
    results = _screen({**BASE, "bladder_or_bowel_problems": True, "numbness_or_weakness": True})
    assert results.safety.urgent
    assert results.possible


def test_unknown_condition_offers_registry_names():
    results = _screen({"condition": "spondylolisthsis"})
    assert not results.shown
    assert "Spondylolisthesis" in results.similar_conditions


def test_answer_outside_the_contract_raises_profile_error_naming_the_key():
    with pytest.raises(ProfileError):
        _screen({**BASE, "age": 400})


def test_before_the_condition_is_answered_results_follow_the_default_condition():
    default = PREPARED.vocabulary.default
    assert _screen({}).condition == default
    assert {m.trial.nct_id for m in _screen({}).shown} == {
        m.trial.nct_id for m in _screen({"condition": default}).shown
    }
    assert _screen({"condition": None}).condition is None  # "Not sure": every condition


_choice_questions = [q for q in BANK.questions if q.type in {"yes_no", "single", "multi"}]


@st.composite
def _any_answers(draw):
    answers = {"condition": draw(st.sampled_from([*PREPARED.vocabulary.labels, None]))}
    for question in _choice_questions:
        if draw(st.booleans()):
            values = [o.value for o in question.options]
            if question.type == "multi":
                answers[question.id] = draw(st.lists(st.sampled_from(values), unique=True))
            else:
                answers[question.id] = draw(st.sampled_from([*values, None]))
    if draw(st.booleans()):
        answers["age"] = draw(st.integers(0, 120))
    return answers


@settings(max_examples=40, deadline=None)
@given(_any_answers())
def test_any_answers_give_disjoint_groups_of_open_trials(answers):
    results = _screen(answers)
    groups = [results.likely, results.possible, results.excluded, results.too_far]
    ids = [m.trial.nct_id for group in groups for m in group]
    assert len(ids) == len(set(ids))
    assert all(m.trial.is_open for group in groups for m in group)


@settings(max_examples=40, deadline=None)
@given(_any_answers(), st.sampled_from([q.id for q in _choice_questions]))
def test_turning_an_answer_into_not_sure_never_excludes_a_trial(answers, qid):
    answered = {m.trial.nct_id for m in _screen(answers).excluded}
    unsure = _screen({**answers, qid: None})
    assert {m.trial.nct_id for m in unsure.excluded} <= answered
    assert unsure.profile == _screen({k: v for k, v in answers.items() if k != qid}).profile


def test_follow_ups_aim_at_trials_within_travel_distance_first():
    safety_no = {q.id: False for q in BANK.stage("safety")}
    base = {**BASE, "diagnosed": True, "took_medication": False, "age": 47, "sex": "female", **safety_no}
    near = _screen({**base, "max_travel_miles": 50})
    assert near.too_far and near.next_step is not None
    within = [m for m in (*near.likely, *near.possible)]
    assert near.next_step.settles == sum(
        1 for m in within if near.next_step.questions[0].key in m.result.open_questions
    )
