"""CtGovClient against a real loopback HTTP server replaying recorded ClinicalTrials.gov answers."""

from __future__ import annotations

import json

import pytest

from screener.ctgov import DEFAULT_FIELDS, GeoPoint, StudyQuery
from screener.errors import (
    CtGovBadResponse,
    CtGovBlocked,
    CtGovRateLimited,
    CtGovRejected,
    CtGovUnavailable,
    InvalidNctId,
    StudyNotFound,
)
from screener.trial import parse_study
from tests.conftest import CTGOV
from tests.screener.replay_server import Reply, paged

LBP = StudyQuery(condition="low back pain")
KRAS_PAGE = (CTGOV / "studies_page_10_recruiting_kras_g12c.json").read_bytes()
PAGING_PARAMS = {"pageToken", "countTotal"}


def _ids(studies):
    return [s["protocolSection"]["identificationModule"]["nctId"] for s in studies]


def test_search_follows_tokens_across_pages_with_every_other_param_unchanged(ctgov_server, make_client, back_studies):
    ctgov_server.route("/studies", paged(back_studies, page_size=50))
    studies = list(make_client().iter_studies(LBP))
    assert _ids(studies) == _ids(back_studies)
    sent = ctgov_server.requests_to("/studies")
    assert [s.params.get("pageToken") for s in sent] == [None, "page-2", "page-3", "page-4"]
    fixed = [{k: v for k, v in s.params.items() if k not in PAGING_PARAMS} for s in sent]
    assert all(p == fixed[0] for p in fixed)
    assert fixed[0]["query.cond"] == "low back pain"


def test_count_total_is_asked_on_the_first_page_only(ctgov_server, make_client, back_studies):
    ctgov_server.route("/studies", paged(back_studies, page_size=100))
    pages = list(make_client().iter_study_pages(LBP))
    assert [s.params.get("countTotal") for s in ctgov_server.requests_to("/studies")] == ["true", None]
    assert pages[0].total_count == len(back_studies)


def test_recorded_pages_are_followed_by_their_real_tokens_until_an_empty_page(ctgov_server, make_client):
    recorded = [
        json.loads(KRAS_PAGE),
        json.loads((CTGOV / "studies_2025-06-17T11-15-33-773Z.json").read_text(encoding="utf-8")),
        json.loads((CTGOV / "studies_2025-06-17T11-16-37-179Z.json").read_text(encoding="utf-8")),
    ]
    by_token = {None: recorded[0]} | {recorded[i]["nextPageToken"]: recorded[i + 1] for i in range(2)}
    # The last recorded page carries a token too; the registry answers it with an empty page.
    by_token[recorded[2]["nextPageToken"]] = {"studies": []}
    ctgov_server.route("/studies", lambda seen: Reply.json(by_token[seen.params.get("pageToken")]))
    studies = list(make_client().iter_studies(LBP))
    assert _ids(studies) == [nct for page in recorded for nct in _ids(page["studies"])]
    assert len(ctgov_server.requests_to("/studies")) == 4


def test_search_stops_on_an_empty_page_even_if_it_has_a_token(ctgov_server, make_client, back_studies):
    def handler(seen):
        return Reply.json(
            {"studies": [], "nextPageToken": "page-9"}
            if seen.params.get("pageToken")
            else {
                "studies": back_studies[:5],
                "nextPageToken": "page-2",
            }
        )

    ctgov_server.route("/studies", handler)
    assert len(list(make_client().iter_studies(LBP))) == 5
    assert len(ctgov_server.requests_to("/studies")) == 2


def test_a_full_last_page_with_a_token_to_nothing_ends_the_search(ctgov_server, make_client, back_studies):
    ctgov_server.route("/studies", paged(back_studies, page_size=64, trailing_empty=True))
    assert len(list(make_client().iter_studies(LBP))) == 192
    assert len(ctgov_server.requests_to("/studies")) == 4


@pytest.mark.parametrize(
    "query,expected",
    [
        (
            StudyQuery(condition="low back pain", near=GeoPoint(42.3601, -71.0589), miles=25),
            "distance(42.3601,-71.0589,25mi)",
        ),
        (
            StudyQuery(condition="sciatica", near=GeoPoint(39.0035707, -77.1013313)),
            "distance(39.003571,-77.101331,50mi)",
        ),
        (StudyQuery(condition="hip pain", near=GeoPoint(0.00001, 10), miles=7.5), "distance(0.00001,10,7.5mi)"),
    ],
)
def test_geo_filter_is_sent_with_a_unit(ctgov_server, make_client, query, expected):
    ctgov_server.route("/studies", Reply.json({"studies": []}))
    list(make_client().iter_studies(query))
    assert ctgov_server.requests_to("/studies")[0].params["filter.geo"] == expected


def test_search_asks_for_open_trials_and_only_the_fields_the_app_reads(ctgov_server, make_client):
    ctgov_server.route("/studies", Reply.json({"studies": []}))
    list(make_client().iter_studies(StudyQuery(condition="low back pain", term="AREA[Phase]PHASE3")))
    params = ctgov_server.requests_to("/studies")[0].params
    assert params["filter.overallStatus"] == "RECRUITING|NOT_YET_RECRUITING"
    assert params["fields"] == "|".join(DEFAULT_FIELDS)
    assert params["query.term"] == "AREA[Phase]PHASE3"
    assert params["pageSize"] == "1000"


def test_every_call_names_the_client_in_its_user_agent(ctgov_server, make_client):
    make_client(user_agent="prescreener-test/1.0 (loopback)").version()
    assert ctgov_server.requests_to("/version")[0].headers["User-Agent"] == "prescreener-test/1.0 (loopback)"


def test_version_gives_the_registry_data_timestamp(make_client):
    version = make_client().version()
    assert (version.api_version, version.data_timestamp) == ("2.0.5", "2026-09-25T09:00:04")


def test_one_study_is_fetched_by_its_nct_number(ctgov_server, make_client):
    record = (CTGOV / "study_NCT06008288_recruiting.json").read_bytes()
    ctgov_server.route("/studies/NCT06008288", Reply(body=record))
    trial = make_client().get_trial("nct06008288")
    assert trial.nct_id == "NCT06008288"
    assert trial == parse_study(json.loads(record))
    assert ctgov_server.requests_to("/studies/NCT06008288")[0].params["fields"] == "|".join(DEFAULT_FIELDS)


def test_an_alias_id_follows_the_registrys_redirect_to_the_record(ctgov_server, make_client):
    record = (CTGOV / "study_NCT06008288_recruiting.json").read_bytes()
    ctgov_server.route("/studies/NCT06008288", Reply(body=record))
    # The alias is ours; the 301 to the canonical record is what the spec documents for NCTIdAlias.
    ctgov_server.route("/studies/NCT00000123", Reply(status=301, headers={"Location": "/api/v2/studies/NCT06008288"}))
    assert make_client().get_trial("NCT00000123").nct_id == "NCT06008288"


def test_unknown_study_is_a_no_such_trial_error(ctgov_server, make_client):
    ctgov_server.route("/studies/NCT09999999", Reply.text("Study not found: NCT09999999", 404))
    with pytest.raises(StudyNotFound, match="No such trial") as caught:
        make_client().get_study("NCT09999999")
    assert caught.value.nct_id == "NCT09999999"
    assert len(ctgov_server.requests_to("/studies/NCT09999999")) == 1


@pytest.mark.parametrize("text", ["", "NCT", "12345678", "NCT123456789", "NCT00000000", "NCT0600828X"])
def test_text_that_is_not_an_nct_number_is_refused_before_any_request(ctgov_server, make_client, text):
    with pytest.raises(InvalidNctId):
        make_client().get_study(text)
    assert not ctgov_server.requests_to(f"/studies/{text}")


def test_429_with_retry_after_waits_as_told_then_succeeds(ctgov_server, make_client, sleeps, back_studies):
    ctgov_server.route(
        "/studies",
        [Reply.text("Too Many Requests", 429, headers={"Retry-After": "7"}), Reply.json({"studies": back_studies[:3]})],
    )
    assert len(list(make_client(backoff_factor=0.25).iter_studies(LBP))) == 3
    assert sleeps == [7.0]
    assert len(ctgov_server.requests_to("/studies")) == 2


def test_a_huge_retry_after_is_capped(ctgov_server, make_client, sleeps):
    ctgov_server.route(
        "/studies", [Reply.text("slow down", 429, headers={"Retry-After": "86400"}), Reply.json({"studies": []})]
    )
    list(make_client().iter_studies(LBP))
    assert sleeps == [60.0]


def test_5xx_are_retried_with_growing_backoff_then_succeed(ctgov_server, make_client, sleeps, back_studies):
    ctgov_server.route(
        "/studies",
        [
            Reply.text("Internal Server Error", 500),
            Reply.text("Bad Gateway", 502),
            Reply.text("Service Unavailable", 503),
        ]
        + [Reply.json({"studies": back_studies[:2]})],
    )
    assert len(list(make_client(backoff_factor=0.5).iter_studies(LBP))) == 2
    assert len(ctgov_server.requests_to("/studies")) == 4
    assert sleeps and all(later > earlier for earlier, later in zip(sleeps, sleeps[1:], strict=False))


def test_5xx_that_persist_raise_unavailable_with_the_servers_words(ctgov_server, make_client):
    ctgov_server.route("/studies", Reply.text("upstream connect error", 503))
    with pytest.raises(CtGovUnavailable, match="upstream connect error") as caught:
        list(make_client(retries=2, backoff_factor=0).iter_studies(LBP))
    assert caught.value.status == 503
    assert len(ctgov_server.requests_to("/studies")) == 3


def test_429_that_persists_is_a_rate_limit_error(ctgov_server, make_client):
    ctgov_server.route("/studies", Reply.text("Too Many Requests", 429))
    with pytest.raises(CtGovRateLimited):
        list(make_client(retries=1, backoff_factor=0).iter_studies(LBP))


def test_403_is_blocked_at_once_without_retrying(ctgov_server, make_client, sleeps):
    ctgov_server.route("/studies", Reply.text("Access denied by policy", 403))
    with pytest.raises(CtGovBlocked, match="Access denied by policy"):
        list(make_client().iter_studies(LBP))
    assert len(ctgov_server.requests_to("/studies")) == 1
    assert sleeps == []


def test_a_rejected_request_surfaces_the_plain_text_reason(ctgov_server, make_client):
    ctgov_server.route("/studies", Reply.text("Parameter 'fields' contains invalid field name: 'StudyDesign'", 400))
    with pytest.raises(CtGovRejected, match="invalid field name: 'StudyDesign'"):
        list(make_client().iter_studies(LBP))


def test_a_slow_server_times_out_as_unavailable_with_the_url(ctgov_server, make_client):
    ctgov_server.route("/studies", Reply(body=KRAS_PAGE, delay_s=1.0))
    with pytest.raises(CtGovUnavailable, match="did not answer within") as caught:
        list(make_client(timeout=0.2, retries=0).iter_studies(LBP))
    assert caught.value.url.startswith(ctgov_server.base_url + "/studies?")


def test_a_connection_dropped_mid_body_is_unavailable(ctgov_server, make_client):
    ctgov_server.route("/studies", Reply(body=KRAS_PAGE, cut_after=len(KRAS_PAGE) // 3))
    with pytest.raises(CtGovUnavailable, match="could not be reached"):
        list(make_client().iter_studies(LBP))


def test_truncated_json_is_a_bad_response(ctgov_server, make_client):
    ctgov_server.route("/studies", Reply(body=KRAS_PAGE[: len(KRAS_PAGE) // 2]))
    with pytest.raises(CtGovBadResponse, match="not valid JSON"):
        list(make_client().iter_studies(LBP))


def test_a_wrong_base_url_says_so(ctgov_server, make_client):
    client = make_client(base_url=ctgov_server.base_url.removesuffix("/api/v2"))
    with pytest.raises(CtGovBadResponse, match="CTGOV_BASE_URL"):
        client.version()


def test_a_closed_port_is_unavailable(make_client):
    with pytest.raises(CtGovUnavailable, match="could not be reached .*Connection refused"):
        make_client(base_url="http://127.0.0.1:9/api/v2", retries=0).version()


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_calls_keep_the_minimum_interval(make_client):
    clock = FakeClock()
    client = make_client(min_interval_s=1.2, clock=clock, sleep=clock.sleep)
    client.version()
    clock.now += 0.5  # the caller spends half a second before the next call
    client.version()
    client.version()
    assert clock.slept == pytest.approx([0.7, 1.2])
