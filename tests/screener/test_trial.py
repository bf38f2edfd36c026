"""parse_study: every real record parses; hand-checked fields are right."""

from __future__ import annotations

import json
from datetime import date

import pytest

from screener.errors import TrialDataError
from screener.snapshot import iter_embedded_studies
from screener.trial import parse_age_years, parse_study, partial_date
from tests.conftest import CTGOV


def test_every_embedded_and_fixture_record_parses(back_studies):
    studies = list(iter_embedded_studies()) + back_studies
    for path in CTGOV.glob("stud*.json"):  # studies pages and single-study records
        data = json.loads(path.read_text(encoding="utf-8"))
        studies.extend(data["studies"] if "studies" in data else [data])
    trials = [parse_study(s) for s in studies]
    assert len(trials) > 800
    assert all(t.nct_id.startswith("NCT") for t in trials)
    assert all(t.eligibility.nct_id == t.nct_id for t in trials)


def test_recruiting_record_fields_checked_by_hand():
    trial = parse_study(json.loads((CTGOV / "study_NCT06008288_recruiting.json").read_text()))
    assert trial.nct_id == "NCT06008288"
    assert trial.overall_status == "RECRUITING"
    assert trial.eligibility.sex == "ALL"
    assert trial.eligibility.minimum_age_years == 18.0
    assert trial.locations and all(loc.country for loc in trial.locations)


def test_degenerative_disc_record_checked_by_hand(back_studies):
    study = next(s for s in back_studies if s["protocolSection"]["identificationModule"]["nctId"] == "NCT05287867")
    trial = parse_study(study)
    assert trial.eligibility.criteria_text.startswith("Inclusion Criteria:\n\n* Voluntary signature")
    assert trial.eligibility.minimum_age_years == 25.0
    assert trial.eligibility.maximum_age_years == 65.0
    assert trial.phases == ("NA",)
    broomfield = trial.locations[0]
    assert (broomfield.city, broomfield.state, broomfield.zip) == ("Broomfield", "Colorado", "80021")
    assert (broomfield.lat, broomfield.lon) == (39.92054, -105.08665)
    assert broomfield.is_recruiting
    assert trial.central_contacts[0].phone == "7202877199"
    assert trial.data_date == "2024-11-08"
    assert trial.completion_date == "2025-12-31"


def test_missing_modules_do_not_crash():
    trial = parse_study({"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}}})
    assert trial.locations == () and trial.eligibility.criteria_text == ""
    assert trial.eligibility.minimum_age_years is None


@pytest.mark.parametrize("bad", [{}, [], "NCT1", {"protocolSection": {"identificationModule": {}}}])
def test_study_without_nct_id_is_a_clear_error(bad):
    with pytest.raises(TrialDataError):
        parse_study(bad)


@pytest.mark.parametrize(
    "text,years",
    [("18 Years", 18.0), ("1 Year", 1.0), ("6 Months", 0.5), ("N/A", None), (None, None), ("old", None)],
)
def test_age_strings_become_years(text, years):
    assert parse_age_years(text) == years


def test_recruiting_trial_past_its_completion_date_is_flagged_stale(back_studies):
    study = next(s for s in back_studies if s["protocolSection"]["identificationModule"]["nctId"] == "NCT05287867")
    trial = parse_study(study)
    assert trial.stale_reasons(date(2026, 11, 22))
    assert not trial.stale_reasons(date(2023, 10, 1))


@pytest.mark.parametrize(
    "value,expected", [("2024", date(2024, 12, 31)), ("2024-02", date(2024, 2, 29)), ("2024-05-17", date(2024, 5, 17))]
)
def test_partial_dates_read_as_end_of_period(value, expected):
    assert partial_date(value) == expected


def test_active_not_recruiting_record_with_results_checked_by_hand():
    trial = parse_study(json.loads((CTGOV / "study_NCT02513394_full_with_results.json").read_text(encoding="utf-8")))
    assert trial.brief_title == "PALbociclib CoLlaborative Adjuvant Study"
    assert (trial.overall_status, trial.is_open) == ("ACTIVE_NOT_RECRUITING", False)
    assert (trial.phases, trial.study_type) == (("PHASE3",), "INTERVENTIONAL")
    assert trial.interventions == ("Drug: Palbociclib", "Drug: Standard Adjuvant Endocrine Therapy")
    assert (trial.start_date, trial.primary_completion_date, trial.completion_date) == ("2015-08", "2020-11", "2025-09")
    assert trial.last_update_date == "2023-06-15"
    assert trial.conditions == ("Breast Cancer",) and trial.keywords == ("HR+/HER2- breast cancer", "Palbociclib")
    assert trial.mesh_terms == ("Breast Neoplasms",)
    assert trial.eligibility.minimum_age_years == 18.0 and trial.eligibility.maximum_age_years is None
    assert trial.eligibility.healthy_volunteers is False
    assert trial.eligibility.std_ages == ("ADULT", "OLDER_ADULT")
    # 437 sites, none with a site status (the study no longer recruits), two without a geoPoint.
    assert len(trial.locations) == 437
    assert not any(loc.is_recruiting for loc in trial.locations)
    assert sum(loc.lat is None for loc in trial.locations) == 2
    mobile = trial.locations[0]
    assert (mobile.city, mobile.state, mobile.zip, mobile.lat, mobile.lon) == (
        "Mobile",
        "Alabama",
        "36604",
        30.69436,
        -88.04305,
    )
    assert trial.central_contacts == ()
    assert trial.data_date == "2023-10-06"
    assert trial.stale_reasons(date(2026, 11, 22)) == []  # not open, so never flagged


def _embedded_study(nct_id: str) -> dict:
    return next(s for s in iter_embedded_studies() if s["protocolSection"]["identificationModule"]["nctId"] == nct_id)


def test_site_contacts_are_parsed_from_every_real_location():
    studies = [s for s in iter_embedded_studies() if "contactsLocationsModule" in s["protocolSection"]]
    with_site_contacts = 0
    for study in studies:
        raw_sites = study["protocolSection"]["contactsLocationsModule"].get("locations", [])
        for raw, loc in zip(raw_sites, parse_study(study).locations, strict=True):
            raw_contacts = raw.get("contacts", [])
            with_site_contacts += bool(raw_contacts)
            assert [(c.name, c.role, c.phone, c.email, c.phone_ext) for c in loc.contacts] == [
                (r.get("name"), r.get("role"), r.get("phone"), r.get("email"), r.get("phoneExt")) for r in raw_contacts
            ]
    assert with_site_contacts > 100  # 182 of the 612 embedded studies list site contacts


def test_site_contact_with_extension_checked_by_hand():
    # NCT01943214, Taichung Veterans General Hospital: one contact with an extension, then the PI by name only.
    site = next(
        loc for loc in parse_study(_embedded_study("NCT01943214")).locations
        if loc.facility == "Taichung Veterans General Hospital"
    )  # fmt: skip
    contact, investigator = site.contacts
    assert (contact.name, contact.role, contact.phone, contact.phone_ext, contact.email) == (
        "Chia I Tsai, doctor", "CONTACT", "886-4-23592525", "4755", "citsai777@gmail.com",
    )  # fmt: skip
    assert contact.reachable
    assert (investigator.role, investigator.phone, investigator.email) == ("PRINCIPAL_INVESTIGATOR", None, None)
    assert not investigator.reachable


@pytest.mark.parametrize("contacts", [None, "not a list", [None, "x"], []])
def test_odd_site_contacts_give_no_contacts_not_an_error(contacts):
    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT01943214"},
            "contactsLocationsModule": {"locations": [{"facility": "Taichung Veterans General Hospital",
                                                       "contacts": contacts}]},
        }
    }  # fmt: skip
    assert parse_study(study).locations[0].contacts == ()
