"""Question order: the source's questions first, one safety step, then the follow-up that settles most trials."""

from __future__ import annotations

from criteria.model import TrialResult, Verdict
from screener.next_question import next_step, remaining_estimate, step_by_id
from screener.questions import load_question_bank

BANK = load_question_bank()
CORE_DONE = {
    "condition": "Lower back pain",
    "diagnosed": True,
    "took_medication": False,
    "age": 50,
    "sex": "male",
    "location": None,
}


def _open(nct_id: str, *keys: str) -> TrialResult:
    return TrialResult(nct_id, Verdict.POSSIBLE, (), tuple(keys))


def _step(answers, results=()):
    return next_step(BANK, answers, BANK.to_profile(answers), list(results))


def test_condition_then_diagnosed_then_medication_come_first():
    asked = []
    answers: dict = {}
    for _ in range(3):
        step = _step(answers)
        asked.append(step.id)
        answers[step.id] = None
    assert asked == ["condition", "diagnosed", "took_medication"]


def test_which_medicines_is_asked_only_after_a_yes():
    base = {"condition": "Sciatica", "diagnosed": True}
    assert _step({**base, "took_medication": True}).id == "medications"
    assert _step({**base, "took_medication": False}).id == "age"
    assert _step({**base, "took_medication": None}).id == "age"


def test_travel_distance_is_asked_only_with_a_location():
    base = {k: v for k, v in CORE_DONE.items() if k != "location"}
    assert _step({**base, "location": {"label": "Boston, MA", "lat": 42.4, "lon": -71.1}}).id == "max_travel_miles"
    assert _step({**base, "location": None}).id == "safety"


def test_safety_questions_come_as_one_step():
    step = _step(CORE_DONE)
    assert step.id == "safety"
    assert [q.id for q in step.questions] == [q.id for q in BANK.stage("safety")]


def test_follow_up_settling_most_possible_trials_is_next():
    answers = {**CORE_DONE, **{q.id: False for q in BANK.stage("safety")}}
    results = [_open("NCT1", "smoker"), _open("NCT2", "smoker", "bmi"), _open("NCT3", "bmi"), _open("NCT4", "bmi")]
    step = _step(answers, results)
    assert (step.id, step.settles) == ("bmi", 3)


def test_ties_go_to_the_earlier_plain_language_question():
    answers = {**CORE_DONE, **{q.id: False for q in BANK.stage("safety")}}
    results = [_open("NCT1", "smoker"), _open("NCT2", "diabetes")]
    assert _step(answers, results).id == "diabetes"  # order 380 before smoker's 410


def test_answered_or_not_sure_follow_up_is_not_asked_again():
    answers = {**CORE_DONE, **{q.id: False for q in BANK.stage("safety")}, "bmi": None}
    assert _step(answers, [_open("NCT1", "bmi", "smoker")]).id == "smoker"


def test_no_question_when_nothing_would_change_a_result():
    answers = {**CORE_DONE, **{q.id: False for q in BANK.stage("safety")}}
    assert _step(answers, [_open("NCT1")]) is None
    assert remaining_estimate(BANK, answers, BANK.to_profile(answers), [_open("NCT1")]) == 0


def test_pregnancy_question_follows_sex_answer():
    answers = {**CORE_DONE, **{q.id: False for q in BANK.stage("safety")}}
    results = [_open("NCT1", "pregnant")]
    assert _step(answers, results) is None
    assert _step({**answers, "sex": "female"}, results).id == "pregnant"


def test_going_back_to_a_step_that_no_longer_applies_gives_none():
    profile = BANK.to_profile({"took_medication": False})
    assert step_by_id(BANK, "medications", profile) is None
    assert step_by_id(BANK, "safety", profile).stage == "safety"
