"""Contacts at the recruiting sites nearest the person: nearest first, only reachable ones, few of them."""

from __future__ import annotations

from datetime import date

import pytest

from screener.geo import haversine_miles
from screener.questions import load_question_bank
from screener.service import prepare_snapshot, screen_patient
from screener.site_contacts import MAX_CONTACTS_PER_SITE, MAX_SITES, contact_line, nearest_site_contacts
from screener.snapshot import Snapshot, load_embedded_snapshot
from screener.trial import Contact

SNAPSHOT = load_embedded_snapshot()
BY_ID = {t.nct_id: t for t in SNAPSHOT.trials}
BOSTON = (42.35843, -71.05977)


def _distances(nct_id: str, lat: float, lon: float):
    sites = [s for s in BY_ID[nct_id].locations if s.is_recruiting and s.lat is not None]
    return sorted(((haversine_miles(lat, lon, s.lat, s.lon), s) for s in sites), key=lambda p: p[0])


# Real recruiting trials of the embedded snapshot whose sites list contacts.
TRIALS_WITH_SITE_CONTACTS = sorted(
    t.nct_id
    for t in SNAPSHOT.trials
    if t.is_open and any(s.is_recruiting and s.lat is not None and s.contacts for s in t.locations)
)


def test_the_snapshot_has_trials_with_site_contacts():
    assert len(TRIALS_WITH_SITE_CONTACTS) > 20


@pytest.mark.parametrize("nct_id", TRIALS_WITH_SITE_CONTACTS[:40])
def test_site_contacts_are_the_nearest_reachable_sites_in_order(nct_id):
    distances = _distances(nct_id, *BOSTON)
    found = nearest_site_contacts(distances)
    reachable_sites = [(m, s) for m, s in distances if any(c.reachable for c in s.contacts)]
    assert [(f.distance_miles, f.site) for f in found] == reachable_sites[:MAX_SITES]
    for f in found:
        assert 0 < len(f.contacts) <= MAX_CONTACTS_PER_SITE
        assert all(c.reachable and c in f.site.contacts for c in f.contacts)


def test_a_site_listing_only_an_investigator_name_is_skipped():
    # NCT03475563, Hospital Universitari Parc Taulí: "Eduard Bosch, MD" as contact, no phone or email.
    site = next(s for s in BY_ID["NCT03475563"].locations if s.facility == "Hospital Universitari Parc Taulí")
    assert site.contacts and not any(c.reachable for c in site.contacts)
    assert nearest_site_contacts([(2.0, site)]) == ()


def test_without_a_location_there_are_no_nearest_sites():
    assert nearest_site_contacts([]) == ()


@pytest.mark.parametrize(
    "contact,line",
    [
        (
            Contact("Chia I Tsai, doctor", "CONTACT", "886-4-23592525", "citsai777@gmail.com", "4755"),
            "Chia I Tsai, doctor · 886-4-23592525 ext. 4755 · citsai777@gmail.com",
        ),
        (
            # NCT03853356, Klinikum Magdeburg: the country code sits in the extension field.
            Contact("Jörg Franke, Prof.", "CONTACT", "0391 791-5201", "Joerg.Franke@Klinikum-Magdeburg.de", "+49"),
            "Jörg Franke, Prof. · +49 0391 791-5201 · Joerg.Franke@Klinikum-Magdeburg.de",
        ),
        (Contact(None, "CONTACT", None, "ncaldwell@diamondheadache.com"), "ncaldwell@diamondheadache.com"),
        (Contact("Eduard Bosch, MD", "CONTACT"), "Eduard Bosch, MD"),
    ],
)
def test_contact_line_leaves_missing_parts_out(contact, line):
    assert contact_line(contact) == line


def test_screening_keeps_every_recruiting_site_distance_for_the_contacts():
    nct_id = TRIALS_WITH_SITE_CONTACTS[0]
    prepared = prepare_snapshot(Snapshot(meta=SNAPSHOT.meta, trials=(BY_ID[nct_id],)))
    answers = {"condition": None, "location": {"lat": BOSTON[0], "lon": BOSTON[1], "country": "United States"}}
    (match,) = screen_patient(prepared, answers, bank=load_question_bank(), today=date(2026, 11, 22)).shown
    assert [s for _, s in match.site_distances] == [s for _, s in _distances(nct_id, *BOSTON)]
    assert nearest_site_contacts(match.site_distances)
