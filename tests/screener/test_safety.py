"""Red flags: a kind notice on any "yes", urgent care for bladder or bowel trouble with numbness."""

from __future__ import annotations

import pytest

from screener.questions import load_question_bank
from screener.safety import safety_notice

BANK = load_question_bank()


def test_no_red_flag_gives_no_notice():
    assert safety_notice(BANK, {"fever": False, "cancer": False, "age": 40}) is None


def test_not_sure_is_not_a_red_flag():
    assert safety_notice(BANK, {flag.id: None for flag in BANK.stage("safety")}) is None


@pytest.mark.parametrize("flag", [q.id for q in BANK.stage("safety")])
def test_each_red_flag_brings_up_the_doctor_notice(flag):
    notice = safety_notice(BANK, {flag: True})
    assert notice is not None and not notice.urgent
    assert notice.message == BANK.red_flag_notice
    assert notice.reasons == (BANK.by_id()[flag].prompt(None),)


def test_bladder_trouble_with_numbness_says_seek_urgent_care_now():
    notice = safety_notice(BANK, {"bladder_or_bowel_problems": True, "numbness_or_weakness": True})
    assert notice.urgent
    assert "urgent care now" in notice.message


def test_bladder_trouble_without_numbness_is_not_urgent():
    notice = safety_notice(BANK, {"bladder_or_bowel_problems": True, "numbness_or_weakness": False})
    assert not notice.urgent
