"""Who to contact at the recruiting sites nearest the person, from the registry's per-site contacts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from screener.trial import Contact, Location

#: A card lists at most this many sites and contacts per site: enough to pick one, not a directory.
MAX_SITES = 3
MAX_CONTACTS_PER_SITE = 2


@dataclass(frozen=True, slots=True)
class SiteContacts:
    site: Location
    distance_miles: float
    contacts: tuple[Contact, ...]


def nearest_site_contacts(
    site_distances: Iterable[tuple[float, Location]],
    *,
    max_sites: int = MAX_SITES,
    max_contacts: int = MAX_CONTACTS_PER_SITE,
) -> tuple[SiteContacts, ...]:
    """The nearest recruiting sites that list a phone or email, nearest first, with those contacts.

    Args:
        site_distances: (miles, site) nearest first, as ``TrialMatch.site_distances`` holds them.

    Sites whose contacts are only investigator names (no phone, no email) are skipped: the person
    could not reach them. The trial's central contacts are shown separately.
    """
    found: list[SiteContacts] = []
    for miles, site in site_distances:
        if len(found) == max_sites:
            break
        reachable = tuple(c for c in site.contacts if c.reachable)[:max_contacts]
        if reachable:
            found.append(SiteContacts(site, miles, reachable))
    return tuple(found)


def contact_line(contact: Contact) -> str:
    """``Nancy Caldwell, RN · 773-388-6390 ext. 2 · ncaldwell@example.org`` (missing parts left out)."""
    phone, ext = contact.phone, contact.phone_ext
    if phone and ext:
        # Some sites put the country code in the extension field ("0391 791-5201", ext "+49").
        phone = f"{ext} {phone}" if ext.startswith("+") else f"{phone} ext. {ext}"
    return " · ".join(p for p in (contact.name, phone, contact.email) if p)


def contact_lines(contacts: Sequence[Contact]) -> list[str]:
    """One line per contact that has anything to show."""
    return [line for line in map(contact_line, contacts) if line]
