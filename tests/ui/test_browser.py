"""A person in a real browser: answer the questions, open a trial's checklist, consent and share.

Starts ``streamlit run app.py`` on a free local port and drives Debian's chromium with
Playwright. Without chromium the test skips with a message; with
``SCREENER_REQUIRE_BROWSER=1`` (CI) a missing browser is a failure.
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"chromium not found at {CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH"
    if os.environ.get("SCREENER_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def app_url(tmp_path):
    _require_chromium()
    port = _free_port()
    env = {
        **os.environ,
        "SCREENER_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'candidates.sqlite'}",
    }
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not start: {(tmp_path / 'streamlit.log').read_text()}")
                time.sleep(0.3)
        yield url, tmp_path
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_person_answers_opens_checklist_and_shares_answers(app_url):
    from playwright.sync_api import expect, sync_playwright

    url, data_dir = app_url
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)  # the first render loads the snapshot in a fresh process
        page.goto(url)

        def next_question() -> None:
            page.get_by_role("button", name="Next", exact=True).click()

        def tab_to(target, limit: int = 80) -> None:
            for _ in range(limit):
                if target.evaluate("el => el === document.activeElement"):
                    return
                page.keyboard.press("Tab")
            pytest.fail(f"{target} cannot be reached with the Tab key")

        def tick(role: str, name: str) -> None:
            # Streamlit hides the native input behind its own styling: click the visible label, as a person does.
            box = page.get_by_role(role, name=name, exact=True)
            box.locator("xpath=ancestor::label[1]").click()
            expect(box).to_be_checked()

        expect(page.get_by_text("What health problem are you looking for a study about?")).to_be_visible()
        next_question()
        expect(page.get_by_text("Have you been diagnosed with lower back pain?")).to_be_visible()
        # Keyboard only: Tab to the answer, Space to choose it, Tab to "Next", Enter.
        yes = page.get_by_role("radio", name="Yes", exact=True)
        tab_to(yes)
        page.keyboard.press("Space")
        expect(yes).to_be_checked()
        tab_to(page.get_by_role("button", name="Next", exact=True))
        page.keyboard.press("Enter")
        expect(page.get_by_text("Have you taken medication for lower back pain?")).to_be_visible()
        tick("radio", "Yes")
        next_question()
        expect(page.get_by_text("Which kinds of medicine")).to_be_visible()
        tick("checkbox", "Acetaminophen (Tylenol)")
        next_question()
        # Keyboard only: type the age, then Tab to the buttons and press Enter on "Next".
        age = page.get_by_label("How old are you?")
        age.fill("52")
        age.press("Enter")
        page.get_by_role("button", name="Next", exact=True).focus()
        page.keyboard.press("Enter")
        expect(page.get_by_text("What was your sex at birth?")).to_be_visible()
        tick("radio", "Female")
        next_question()
        expect(page.get_by_text("Where do you live?")).to_be_visible()
        page.get_by_label("Where do you live?").fill("Boston, MA")
        page.get_by_label("Where do you live?").press("Enter")
        next_question()
        expect(page.get_by_text("How far would you travel to a study site?")).to_be_visible()
        tick("radio", "Up to 250 miles")
        next_question()
        expect(page.get_by_text("A few safety questions")).to_be_visible()
        page.get_by_role("button", name="See my results now").click()

        # The results view is settled once its "keep answering" button is there.
        expect(page.get_by_role("button", name="Keep answering questions")).to_be_visible()
        expect(page.get_by_role("heading", name="Your matches")).to_be_visible()
        expect(page.get_by_text("Nearest recruiting site:").first).to_be_visible()
        summary = page.locator("summary").filter(has_text="Why: criteria checklist").first
        summary.scroll_into_view_if_needed()
        summary.click()
        checklist = page.locator("details").filter(has=summary)
        # Each criterion shows its outcome in words and the engine's reason.
        expect(checklist.get_by_text("You said you are 52").first).to_be_visible()
        expect(checklist.get_by_text("(to be checked)").first).to_be_visible()
        checklist.get_by_text("You said you are 52").first.scroll_into_view_if_needed()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "results.png"), full_page=True)

        page.get_by_role("button", name="Share my answers with the study team").click()
        expect(page.get_by_text("How to withdraw.")).to_be_visible()
        expect(page.get_by_role("button", name="Send my answers")).to_be_visible()
        tick("checkbox", "I have read this and I agree to share my answers")
        page.get_by_role("textbox", name="Your name").fill("Test Person")
        page.get_by_role("textbox", name="Email").fill("test.person@example.org")
        page.get_by_role("textbox", name="Email").press("Enter")
        page.get_by_role("button", name="Send my answers").click()
        expect(page.get_by_text("Your reference code is")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "shared.png"), full_page=True)
        browser.close()
    assert (data_dir / "candidates.sqlite").exists()


def _seed_candidate_and_recruiter(database_url: str) -> str:
    """A consented candidate for a real trial (screened by the real engine) and a recruiter account."""
    from datetime import date

    from screener import service
    from screener.auth import add_recruiter
    from screener.candidates import ContactDetails, open_store
    from screener.hand_off import share_with_study_team
    from screener.questions import load_question_bank
    from screener.snapshot import load_embedded_snapshot

    bank = load_question_bank()
    prepared = service.prepare_snapshot(load_embedded_snapshot())
    answers = {"condition": "Lower back pain", "diagnosed": True, "age": 52, "sex": "female"}
    results = service.screen_patient(prepared, answers, bank=bank, today=date(2026, 11, 22))
    nct_id = results.shown[0].trial.nct_id
    store = open_store(database_url)
    contact = ContactDetails(name="Łukasz Żółć", email="lz@example.org", phone=None, preferred_contact="email")
    share_with_study_team(store, results=results, nct_ids=[nct_id], contact=contact, consented=True)
    add_recruiter(store, "alice", "correct horse battery staple")
    store.dispose()
    return nct_id


def test_recruiter_opens_a_deep_link_signs_in_and_exports_an_audited_list(app_url):
    from playwright.sync_api import expect, sync_playwright

    from screener.audit import read_audit
    from screener.candidates import open_store

    url, data_dir = app_url
    database_url = f"sqlite:///{data_dir / 'candidates.sqlite'}"
    nct_id = _seed_candidate_and_recruiter(database_url)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600}, accept_downloads=True)
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)
        # The very first request of a fresh server is a deep link: the app's own menu must show.
        page.goto(f"{url}/recruiter")
        expect(page.get_by_role("link", name="Find trials")).to_be_visible()
        page.get_by_label("Name").fill("alice")
        page.locator("input[type=password]").fill("correct horse battery staple")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text(f"Candidates for {nct_id}")).to_be_visible()
        page.get_by_text("Identified (name and contact)").click()
        page.get_by_role("button", name="Prepare export").click()
        download = page.get_by_role("button", name="Download candidates")
        expect(download).to_be_visible()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "recruiter.png"), full_page=True)
        with page.expect_download() as info:
            download.click()
        exported = Path(info.value.path()).read_bytes()
        browser.close()
    with zipfile.ZipFile(io.BytesIO(exported)) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "Łukasz Żółć" in sheet
    store = open_store(database_url)
    actions = [entry.action for entry in read_audit(store)]
    store.dispose()
    assert "export" in actions and "login" in actions


def _tab_to(page, target, *, limit: int = 60) -> None:
    """Press Tab (only Tab) until ``target`` has the focus; fail if it never gets it."""
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"{target} cannot be reached with the Tab key")


def _labelled_widgets(page, bank, questions, condition: str) -> None:
    """Each of ``questions`` is a control a screen reader can name: its prompt labels a radio group or a
    field, and each tick box of a multiple-choice question carries its own option text."""
    from playwright.sync_api import expect

    for question in questions:
        prompt = question.prompt(condition)
        if question.type in ("yes_no", "single", "condition"):
            group = page.get_by_role("radiogroup", name=prompt, exact=True)
            expect(group).to_be_visible()
            labels = [o.label for o in question.options] + [bank.not_sure_label]
            for label in labels if question.type != "condition" else [bank.not_sure_label]:
                expect(group.get_by_role("radio", name=label, exact=True)).to_have_count(1)
        elif question.type == "integer":
            expect(page.get_by_role("spinbutton", name=prompt, exact=True)).to_be_visible()
        elif question.type == "location":
            expect(page.get_by_role("textbox", name=prompt, exact=True)).to_be_visible()
        elif question.type == "multi":
            for label in [o.label for o in question.options] + [bank.none_label]:
                expect(page.get_by_role("checkbox", name=label, exact=True)).to_have_count(1)
        elif question.type == "bmi":
            for label in ("Height: feet", "Height: inches", "Weight: pounds"):
                expect(page.get_by_role("spinbutton", name=label, exact=True)).to_be_visible()
        else:
            pytest.fail(f"no accessibility check for question type {question.type!r}")


def test_whole_patient_flow_works_with_the_keyboard_alone(app_url):
    """Every opening question and the safety step answered with Tab, arrows, Space, typing and Enter only."""
    from playwright.sync_api import expect, sync_playwright

    from screener.questions import load_question_bank

    bank = load_question_bank()
    condition = "Lower back pain"
    url, _ = app_url
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1600})
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)
        page.goto(url)
        keys = page.keyboard

        def shows(*question_ids: str) -> None:
            """The screen shows these questions, the focus moved into them, and every control has a name."""
            questions = [next(q for q in bank.questions if q.id == qid) for qid in question_ids]
            for question in questions:
                expect(page.get_by_text(question.prompt(condition), exact=True)).to_be_visible()
            if question_ids != ("condition",):  # the first screen of a visit keeps the focus at the page top
                expect(page.locator(".st-key-question_card input:focus")).to_have_count(1)
            _labelled_widgets(page, bank, questions, condition)

        def radio(prompt_of: str, label: str):
            prompt = next(q for q in bank.questions if q.id == prompt_of).prompt(condition)
            return page.get_by_role("radiogroup", name=prompt, exact=True).get_by_role("radio", name=label, exact=True)

        def press_next() -> None:
            _tab_to(page, page.get_by_role("button", name="Next", exact=True))
            keys.press("Enter")

        shows("condition")
        # The default answer is already chosen: Tab onto it, then on to "Next".
        _tab_to(page, radio("condition", condition))
        press_next()

        shows("diagnosed")
        _tab_to(page, radio("diagnosed", "Yes"))
        keys.press("Space")
        expect(radio("diagnosed", "Yes")).to_be_checked()
        press_next()

        shows("took_medication")
        _tab_to(page, radio("took_medication", "Yes"))
        keys.press("Space")
        expect(radio("took_medication", "Yes")).to_be_checked()
        press_next()

        shows("medications")
        tylenol = page.get_by_role("checkbox", name="Acetaminophen (Tylenol)", exact=True)
        _tab_to(page, tylenol)
        keys.press("Space")
        expect(tylenol).to_be_checked()
        press_next()

        shows("age")
        _tab_to(page, page.get_by_role("spinbutton", name="How old are you?", exact=True))
        keys.type("52")
        keys.press("Enter")
        press_next()

        shows("sex")
        _tab_to(page, radio("sex", "Female"))
        keys.press("Space")
        expect(radio("sex", "Female")).to_be_checked()
        press_next()

        shows("location")
        _tab_to(page, page.get_by_role("textbox", name="Where do you live?", exact=True))
        keys.type("Boston, MA")
        keys.press("Enter")
        press_next()

        shows("max_travel_miles")
        # Arrow keys move the choice within a radio group.
        _tab_to(page, radio("max_travel_miles", "Up to 10 miles"))
        keys.press("Space")
        for _ in range(3):
            keys.press("ArrowDown")
        expect(radio("max_travel_miles", "Up to 100 miles")).to_be_checked()
        press_next()

        shows(*(q.id for q in bank.stage("safety")))
        for question in bank.stage("safety"):
            _tab_to(page, radio(question.id, "Yes"))
            keys.press("ArrowRight")  # from "Yes" to "No"
            expect(radio(question.id, "No")).to_be_checked()
        press_next()

        # The first follow-up question: stop here, from the keyboard.
        expect(page.locator(".st-key-question_card input:focus")).to_have_count(1)
        follow_up = [q for q in bank.stage("follow_up") if page.get_by_text(q.prompt(condition), exact=True).count()]
        assert len(follow_up) == 1
        _labelled_widgets(page, bank, follow_up, condition)
        _tab_to(page, page.get_by_role("button", name="See my results now"))
        keys.press("Enter")

        expect(page.get_by_role("button", name="Keep answering questions")).to_be_visible()
        expect(page.get_by_role("heading", name="Your matches")).to_be_visible()
        expect(page.get_by_text("Nearest recruiting site:").first).to_be_visible()
        answered = 8 + len(bank.stage("safety"))  # condition … travel, and every safety question
        expect(page.get_by_text(f"Your answers ({answered})")).to_be_visible()
        # A trial's checklist opens from the keyboard too.
        summary = page.locator("summary").filter(has_text="Why: criteria checklist").first
        _tab_to(page, summary, limit=200)
        keys.press("Enter")
        expect(page.locator("details").filter(has=summary).get_by_text("You said you are 52").first).to_be_visible()
        browser.close()
