"""Refresh: pages streamed into a new store and swapped in whole; failures leave the old snapshot."""

from __future__ import annotations

import pytest

from screener.config import load_settings
from screener.ctgov import StudyQuery
from screener.errors import RefreshFailed
from screener.refresh import refresh_snapshot
from screener.snapshot import load_current_snapshot
from screener.trial import OPEN_STATUSES, parse_study
from tests.conftest import CTGOV
from tests.screener.conftest import VERSION
from tests.screener.replay_server import Reply, paged

LBP = StudyQuery(condition="low back pain")
PAGE = 25


def _status(study):
    return study["protocolSection"]["statusModule"]["overallStatus"]


def _nct(study):
    return study["protocolSection"]["identificationModule"]["nctId"]


@pytest.fixture
def settings(tmp_path):
    return load_settings({"SCREENER_DATA_DIR": str(tmp_path / "data")})


@pytest.fixture
def open_studies(back_studies):
    return [s for s in back_studies if _status(s) in OPEN_STATUSES]


@pytest.fixture
def completed_studies(back_studies):
    return [s for s in back_studies if _status(s) == "COMPLETED"]


def _files(settings):
    return sorted(p.name for p in settings.snapshot_path.parent.iterdir())


def test_refreshed_snapshot_replaces_the_embedded_one_with_meta(ctgov_server, make_client, settings, open_studies):
    ctgov_server.route("/studies", paged(open_studies, page_size=PAGE))
    result = refresh_snapshot(settings.snapshot_path, LBP, client=make_client())
    assert (result.pages, result.study_count) == (4, len(open_studies))
    snapshot = load_current_snapshot(settings)
    assert snapshot.meta.source == "refreshed"
    assert snapshot.meta.data_timestamp == VERSION["dataTimestamp"]
    assert snapshot.meta.query["condition"] == "low back pain"
    assert snapshot.meta.study_count == len(open_studies)
    assert snapshot.meta.refreshed_at and snapshot.meta.mode == "full"
    assert snapshot.by_id() == {_nct(s): parse_study(s) for s in open_studies}
    assert _files(settings) == ["snapshot.sqlite"]


def test_progress_is_reported_after_every_page(ctgov_server, make_client, settings, open_studies):
    ctgov_server.route("/studies", paged(open_studies, page_size=PAGE))
    seen = []
    refresh_snapshot(settings.snapshot_path, LBP, client=make_client(), on_page=seen.append)
    assert [p.number for p in seen] == [1, 2, 3, 4]
    assert [p.studies_so_far for p in seen] == [25, 50, 75, len(open_studies)]
    assert all(p.total == len(open_studies) for p in seen)


FAULTS = {
    "garbage instead of JSON": Reply(body=b"<html>upstream reset</html>", content_type="text/html"),
    "truncated JSON": Reply(body=(CTGOV / "studies_page_10_recruiting_kras_g12c.json").read_bytes()[:5000]),
    "connection dropped mid-body": Reply(
        body=(CTGOV / "studies_page_10_recruiting_kras_g12c.json").read_bytes(), cut_after=4000
    ),
    "server keeps failing": Reply.text("Service Unavailable", 503),
    "blocked": Reply.text("Forbidden", 403),
}


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_a_refresh_failing_on_page_3_leaves_the_previous_snapshot_intact(
    ctgov_server, make_client, settings, open_studies, fault
):
    ctgov_server.route("/studies", paged(open_studies[:40], page_size=PAGE))
    refresh_snapshot(settings.snapshot_path, LBP, client=make_client())
    before = load_current_snapshot(settings)

    ctgov_server.route("/studies", paged(open_studies, page_size=PAGE, faults={3: fault}))
    with pytest.raises(RefreshFailed, match="on page 3 after 50 studies") as caught:
        refresh_snapshot(settings.snapshot_path, LBP, client=make_client(retries=1, backoff_factor=0))
    assert "unchanged" in str(caught.value)
    after = load_current_snapshot(settings)
    assert after == before
    assert len(after.trials) == 40
    assert _files(settings) == ["snapshot.sqlite"]


def test_a_server_that_dies_mid_refresh_leaves_the_previous_snapshot_intact(
    ctgov_server, make_client, settings, open_studies
):
    ctgov_server.route("/studies", paged(open_studies[:30], page_size=PAGE))
    refresh_snapshot(settings.snapshot_path, LBP, client=make_client())
    before = load_current_snapshot(settings)

    def kill_server(progress):
        if progress.number == 2:
            ctgov_server.stop()

    ctgov_server.route("/studies", paged(open_studies, page_size=PAGE))
    with pytest.raises(
        RefreshFailed, match="on page 3 after 50 studies failed: ClinicalTrials.gov could not be reached"
    ):
        refresh_snapshot(
            settings.snapshot_path, LBP, client=make_client(retries=1, backoff_factor=0), on_page=kill_server
        )
    assert load_current_snapshot(settings) == before
    assert _files(settings) == ["snapshot.sqlite"]


def test_an_interrupted_refresh_leaves_the_previous_snapshot_intact(ctgov_server, make_client, settings, open_studies):
    ctgov_server.route("/studies", paged(open_studies[:30], page_size=PAGE))
    refresh_snapshot(settings.snapshot_path, LBP, client=make_client())
    before = load_current_snapshot(settings)

    def press_ctrl_c(progress):
        if progress.number == 2:
            raise KeyboardInterrupt

    ctgov_server.route("/studies", paged(open_studies, page_size=PAGE))
    with pytest.raises(RefreshFailed, match="interrupted"):
        refresh_snapshot(settings.snapshot_path, LBP, client=make_client(), on_page=press_ctrl_c)
    assert load_current_snapshot(settings) == before
    assert _files(settings) == ["snapshot.sqlite"]


def test_a_failed_first_refresh_keeps_the_embedded_snapshot(ctgov_server, make_client, settings, open_studies):
    ctgov_server.route("/studies", paged(open_studies, page_size=PAGE, faults={2: Reply(body=b'{"studies": [')}))
    with pytest.raises(RefreshFailed, match="embedded"):
        refresh_snapshot(settings.snapshot_path, LBP, client=make_client())
    assert load_current_snapshot(settings).meta.source == "embedded"
    assert _files(settings) == []


def test_an_unreachable_registry_fails_before_the_first_page(make_client, settings):
    with pytest.raises(RefreshFailed, match="before the first page"):
        refresh_snapshot(
            settings.snapshot_path, LBP, client=make_client(base_url="http://127.0.0.1:9/api/v2", retries=0)
        )


def test_incremental_refresh_fetches_updates_since_the_last_data_date_and_upserts(
    ctgov_server, make_client, settings, open_studies, completed_studies
):
    # The full refresh stored 60 open trials plus 5 that the server (a lax mirror) also sent.
    initial = open_studies[:60] + completed_studies[:5]
    ctgov_server.route("/studies", paged(initial, page_size=PAGE))
    refresh_snapshot(settings.snapshot_path, LBP, client=make_client())

    # Updates: 20 new open trials, 3 already stored, and the 5 completed ones (now outside the search).
    updates = open_studies[60:80] + open_studies[:3] + completed_studies[:5]
    ctgov_server.route("/studies", paged(updates, page_size=PAGE))
    ctgov_server.seen.clear()
    result = refresh_snapshot(settings.snapshot_path, None, client=make_client(), incremental=True)

    assert (result.mode, result.studies_fetched, result.removed) == ("incremental", 28, 5)
    snapshot = load_current_snapshot(settings)
    assert set(snapshot.by_id()) == {_nct(s) for s in open_studies[:80]}
    assert snapshot.meta.mode == "incremental"
    first = ctgov_server.requests_to("/studies")[0].params
    assert first["filter.advanced"] == f"AREA[LastUpdatePostDate]RANGE[{VERSION['dataTimestamp'][:10]},MAX]"
    assert "filter.overallStatus" not in first  # so trials that stopped recruiting come back and are removed
    assert first["query.cond"] == "low back pain"


def test_incremental_refresh_needs_a_previous_snapshot(make_client, settings):
    with pytest.raises(RefreshFailed, match="full refresh first"):
        refresh_snapshot(settings.snapshot_path, None, client=make_client(), incremental=True)


def test_incremental_refresh_refuses_a_different_search(ctgov_server, make_client, settings, open_studies):
    ctgov_server.route("/studies", paged(open_studies[:10], page_size=PAGE))
    refresh_snapshot(settings.snapshot_path, LBP, client=make_client())
    with pytest.raises(RefreshFailed, match="must repeat the stored search"):
        refresh_snapshot(
            settings.snapshot_path, StudyQuery(condition="hip pain"), client=make_client(), incremental=True
        )
