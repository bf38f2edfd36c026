"""Pure readers of API v2 bodies: recorded pages, raw study texts, truncation, /version."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.ctgov import parse_page, parse_page_body, parse_version
from screener.errors import CtGovBadResponse
from tests.conftest import CTGOV

RECORDED = [
    "studies_page_10_recruiting_kras_g12c.json",
    "studies_2025-06-17T11-15-33-773Z.json",
    "studies_2025-06-17T11-16-37-179Z.json",
]
KRAS = (CTGOV / "studies_page_10_recruiting_kras_g12c.json").read_bytes()


@pytest.mark.parametrize("name", RECORDED)
def test_recorded_bodies_keep_each_studys_exact_text(name):
    body = (CTGOV / name).read_bytes()
    page = parse_page_body(body)
    expected = parse_page(json.loads(body))
    assert (page.studies, page.next_page_token, page.total_count) == (
        expected.studies,
        expected.next_page_token,
        expected.total_count,
    )
    assert [json.loads(raw) for raw in page.raw_studies] == list(page.studies)
    assert all(raw in body.decode("utf-8") for raw in page.raw_studies)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=200)
@given(
    studies=st.lists(st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=4), max_size=4),
    extra=st.dictionaries(st.sampled_from(["nextPageToken", "totalCount", "other"]), JSON_VALUES, max_size=3),
    indent=st.sampled_from([None, 0, 2]),
    ascii_only=st.booleans(),
)
def test_raw_texts_decode_to_the_same_studies_whatever_the_layout(studies, extra, indent, ascii_only):
    body = json.dumps({**extra, "studies": studies}, indent=indent, ensure_ascii=ascii_only).encode("utf-8")
    page = parse_page_body(body)
    assert page.studies == parse_page(json.loads(body)).studies
    assert [json.loads(raw) for raw in page.raw_studies] == studies


@settings(max_examples=100)
@given(cut=st.integers(min_value=0, max_value=len(KRAS) - 2))
def test_a_body_cut_anywhere_is_a_bad_response(cut):
    with pytest.raises(CtGovBadResponse, match="not valid JSON"):
        parse_page_body(KRAS[:cut])


@pytest.mark.parametrize(
    "body", [b"", b"<html>Not Found</html>", b'{"studies": [}', b'{"studies": []} trailing', b"\xff\xfe"]
)
def test_bodies_that_are_not_json_are_bad_responses(body):
    with pytest.raises(CtGovBadResponse):
        parse_page_body(body)


@pytest.mark.parametrize("name", RECORDED[:2])
def test_recorded_pages_parse_into_studies_and_their_token(name):
    payload = json.loads((CTGOV / name).read_text(encoding="utf-8"))
    page = parse_page(payload)
    assert len(page.studies) == len(payload["studies"])
    assert page.next_page_token == payload["nextPageToken"]
    assert not page.is_last


@pytest.mark.parametrize("payload", [[], {"studies": None}, {"totalCount": 3}, "<html>Not Found</html>"])
def test_a_page_without_a_study_list_is_a_bad_response(payload):
    with pytest.raises(CtGovBadResponse):
        parse_page(payload)


def test_an_empty_page_is_last_even_with_a_token():
    assert parse_page({"studies": [], "nextPageToken": "abc"}).is_last


def test_version_without_timestamp_is_a_bad_response():
    assert parse_version({"apiVersion": "2.0.5", "dataTimestamp": "2026-09-25T09:00:04"}).api_version == "2.0.5"
    with pytest.raises(CtGovBadResponse):
        parse_version({"apiVersion": "2.0.5"})
