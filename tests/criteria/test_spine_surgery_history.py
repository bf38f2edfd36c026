"""Spine-surgery exclusions the engine left open: list labels read as numbers, exceptions reaching back across a
list, and narrow carve-outs.

Every line is quoted from a real record; one behaviour per case. Controls keep index-level and planned surgery open.
"""

from __future__ import annotations

import pytest

from criteria import Kind, Outcome
from tests.criteria.conftest import is_real, judge_line

INC, EXC = Kind.INCLUSION, Kind.EXCLUSION
PASS, FAIL, UNKNOWN = Outcome.PASS, Outcome.FAIL, Outcome.UNKNOWN

OPERATED = {"spine_surgery_months_ago": 30, "treatments_tried": ["spine_surgery"]}
NOT_OPERATED = {"spine_surgery_months_ago": None, "treatments_tried": ["physical_therapy"]}

NUMBERED = (
    "lower extremity neurological deficit, 2) infectious, inflammatory, metabolic, neoplastic, abdominal, pelvic "
    "aetiology of back pain. 3) a history of vertebral fracture, spinal surgery, spondylolisthesis 4) heat "
    "intolerance/medical contraindication to thermal treatment 5) presence of metal prosthesis"
)
CASES = [
    # "3) a history of ... spinal surgery": the item label measures nothing, so it does not narrow the surgery.
    ("list_label_does_not_narrow_spinal_surgery", EXC, NUMBERED, OPERATED, FAIL),
    ("list_label_line_passes_no_surgery_for_that_item_only", EXC, NUMBERED, NOT_OPERATED, UNKNOWN),
    # ", or spinal pathologies other than LDH": the exception belongs to the later item, not to the surgery.
    (
        "exception_in_later_item_does_not_narrow_surgery",
        EXC,
        "History of spinal surgery, or spinal pathologies other than LDH (e.g. spinal dislocation, fracture)",
        OPERATED,
        FAIL,
    ),
    # A parenthesised exception after "A and / or B" covers both: ocular trauma stays narrowed.
    (
        "parenthesised_exception_still_covers_the_list",
        INC,
        "No history of ocular trauma and / or history of ocular disease (except for mild to moderate refractive "
        "errors and / or age-related cataracts);",
        {"spine_fracture": True},
        UNKNOWN,
    ),
    # A carve-out for one narrow procedure at another level does not reopen a plain prior lumbar spine surgery.
    (
        "other_level_carve_out_keeps_prior_surgery",
        EXC,
        "Patient has had prior lumbar spine surgery (nucleoplasty at non-index level is considered acceptable).",
        OPERATED,
        FAIL,
    ),
    # Surgery of any kind at a spine site, with no other site named, is spine surgery.
    ("any_surgery_with_spine_site_is_spine_surgery", EXC, "Operated patients (spine)", OPERATED, FAIL),
    (
        "any_surgery_of_the_lumbar_region_is_spine_surgery",
        EXC,
        "History of surgery or algological procedure of the lumbar region",
        OPERATED,
        FAIL,
    ),
    ("any_surgery_without_a_site_stays_open", EXC, "previous operations;", OPERATED, UNKNOWN),
    (
        "any_surgery_at_another_site_stays_open",
        EXC,
        "History of previous surgery in the lower extremities.",
        OPERATED,
        UNKNOWN,
    ),
    # An inclusion that opens with an operation and says how long ago it was requires the operation.
    (
        "operation_with_time_since_requires_it",
        INC,
        "Surgery of lumbar discectomy or lumbar arthrodesis with at least 3 months of evolution.",
        NOT_OPERATED,
        FAIL,
    ),
    (
        "operation_with_time_since_leaves_which_operation_open",
        INC,
        "Surgery of lumbar discectomy or lumbar arthrodesis with at least 3 months of evolution.",
        OPERATED,
        UNKNOWN,
    ),
    # An index operation in an inclusion (post-operative trial) is still not a requirement.
    (
        "index_operation_in_inclusion_stays_open",
        INC,
        "Who have undergone minimally invasive microdiscectomy due to herniated disc",
        NOT_OPERATED,
        UNKNOWN,
    ),
    # Controls: the level and a plan still keep a "yes" open.
    (
        "index_level_surgery_stays_open",
        EXC,
        "History of spinal surgery or previous infiltration therapy on the currently painful segment",
        OPERATED,
        UNKNOWN,
    ),
    ("plain_prior_surgery_still_fails", EXC, "Previous lumbar spine surgery", OPERATED, FAIL),
]


@pytest.mark.parametrize(("name", "kind", "text", "profile", "expected"), CASES, ids=[c[0] for c in CASES])
def test_spine_surgery_reading(name: str, kind: Kind, text: str, profile: dict, expected: Outcome) -> None:
    assert is_real(text), f"{name}: not quoted from a real record"
    outcome, reason, _ = judge_line(kind, text, profile)
    assert outcome is expected, f"{name}: {outcome} ({reason})"
