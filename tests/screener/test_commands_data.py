"""The data commands end to end: ``python -m screener refresh|trials|version`` against the loopback server."""

from __future__ import annotations

import io

import pytest

from screener.__main__ import main
from screener.commands.data import progress_reporter
from screener.refresh import PageProgress
from screener.trial import OPEN_STATUSES
from tests.screener.conftest import VERSION
from tests.screener.replay_server import Reply, paged


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CTGOV_MIN_INTERVAL_S", "0")
    monkeypatch.delenv("CTGOV_BASE_URL", raising=False)
    return tmp_path


@pytest.fixture
def open_studies(back_studies):
    return [s for s in back_studies if s["protocolSection"]["statusModule"]["overallStatus"] in OPEN_STATUSES]


def test_refresh_via_base_url_then_trials_lists_the_refreshed_snapshot(ctgov_server, data_dir, open_studies, capsys):
    ctgov_server.route("/studies", paged(open_studies, page_size=30))
    argv = ["refresh", "--condition", "low back pain", "--near", "39.92,-105.09", "--miles", "100"]
    assert main([*argv, "--base-url", ctgov_server.base_url]) == 0
    out, err = capsys.readouterr()
    assert "page 1: 30 studies (30 of 88 so far)" in err  # not a terminal: one log line per page
    assert len([line for line in err.splitlines() if line.startswith("page ")]) == 3
    assert f"{len(open_studies)} trials in {data_dir / 'snapshot.sqlite'}" in out
    assert VERSION["dataTimestamp"] in out
    params = ctgov_server.requests_to("/studies")[0].params
    assert params["filter.geo"] == "distance(39.92,-105.09,100mi)"

    assert main(["trials", "--condition", "disc"]) == 0
    out, _ = capsys.readouterr()
    assert "NCT05287867\tRECRUITING\t" in out
    assert out.rstrip().endswith(f"registry data as of {VERSION['dataTimestamp']} (refreshed)")


def test_refresh_reads_the_base_url_from_the_environment(ctgov_server, data_dir, open_studies, monkeypatch, capsys):
    monkeypatch.setenv("CTGOV_BASE_URL", ctgov_server.base_url)
    ctgov_server.route("/studies", paged(open_studies[:10], page_size=30))
    assert main(["refresh", "--condition", "sciatica"]) == 0
    assert ctgov_server.requests_to("/studies")[0].params["query.cond"] == "sciatica"


def test_incremental_refresh_from_the_command_line(ctgov_server, data_dir, open_studies, capsys):
    ctgov_server.route("/studies", paged(open_studies[:10], page_size=30))
    assert main(["refresh", "--condition", "low back pain", "--base-url", ctgov_server.base_url]) == 0
    ctgov_server.route("/studies", paged(open_studies[10:15], page_size=30))
    assert main(["refresh", "--incremental", "--base-url", ctgov_server.base_url]) == 0
    out, _ = capsys.readouterr()
    assert "incremental refresh: 5 studies fetched" in out and "15 trials" in out


def test_a_blocked_refresh_exits_with_the_reason_and_keeps_the_embedded_snapshot(ctgov_server, data_dir, capsys):
    ctgov_server.route("/studies", Reply.text("Request blocked by policy", 403))
    assert main(["refresh", "--condition", "low back pain", "--base-url", ctgov_server.base_url]) == 2
    _, err = capsys.readouterr()
    assert "error: The refresh before the first page was stored failed" in err
    assert "Request blocked by policy" in err and "embedded" in err
    assert not (data_dir / "snapshot.sqlite").exists()


def test_refresh_without_a_search_is_refused(data_dir, capsys):
    assert main(["refresh"]) == 2
    assert "whole registry" in capsys.readouterr().err


def test_version_shows_registry_and_local_data_dates(ctgov_server, data_dir, capsys):
    assert main(["version", "--base-url", ctgov_server.base_url]) == 0
    out, _ = capsys.readouterr()
    assert "local snapshot: embedded" in out
    assert f"API 2.0.5, registry data as of {VERSION['dataTimestamp']}" in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_a_bar_with_studies_and_page():
    stream = Terminal()
    on_page, done = progress_reporter(stream)
    on_page(PageProgress(number=1, studies_in_page=1000, studies_so_far=1000, total=2500, elapsed_s=1.0))
    on_page(PageProgress(number=2, studies_in_page=1000, studies_so_far=2000, total=2500, elapsed_s=2.0))
    done()
    out = stream.getvalue()
    assert "2000/2500" in out and "page 2" in out and "studies" in out
    assert "\r" in out  # redrawn in place, not one line per page


def test_progress_off_a_terminal_is_one_line_per_page():
    stream = io.StringIO()
    on_page, done = progress_reporter(stream)
    on_page(PageProgress(number=1, studies_in_page=1000, studies_so_far=1000, total=None, elapsed_s=1.25))
    done()
    assert stream.getvalue() == "page 1: 1,000 studies (1,000 so far), 1.2 s\n"
