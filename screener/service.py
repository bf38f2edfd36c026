"""Patient self-screening service: answers in, ranked and explained trials out (what the page calls).

``prepare_snapshot`` does the per-snapshot work once (parse criteria, index condition
words, collect recruiting sites); the UI caches its result. ``screen_patient`` is then
cheap enough to run on every answer: it filters trials to the person's condition,
asks the engine for a verdict per trial, ranks them, picks the next question and
raises the safety notice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from criteria import PreparedTrial, evaluate, prepare
from criteria.model import Outcome, TrialResult, Verdict
from screener.conditions import ConditionIndex, ConditionVocabulary, load_condition_vocabulary
from screener.geo import Geocoder, haversine_miles
from screener.next_question import Step, next_step, remaining_estimate
from screener.profile import validate_profile
from screener.questions import QuestionBank
from screener.safety import SafetyNotice, safety_notice
from screener.snapshot import Snapshot, SnapshotMeta
from screener.trial import Location, Trial

_VERDICT_RANK = {Verdict.LIKELY: 0, Verdict.POSSIBLE: 1, Verdict.EXCLUDED: 2}
#: Map radius when the person gave no travel limit (or "any distance"), and the most points drawn.
MAP_DEFAULT_RADIUS_MILES = 250.0
MAP_MAX_POINTS = 400
MEMO_LIMIT = 256


@dataclass(frozen=True, slots=True)
class PreparedSnapshot:
    """A snapshot made ready for fast screening (build once per snapshot; the UI caches it)."""

    meta: SnapshotMeta
    trials: tuple[Trial, ...]
    index: ConditionIndex
    #: Recruiting sites that have coordinates, per trial.
    sites: Mapping[str, tuple[Location, ...]]
    #: Answers change one at a time, so the condition filter, site distances and stale flags
    #: of the previous answer are usually still valid; kept here, bounded by ``MEMO_LIMIT``.
    memo: dict[tuple[Any, ...], Any] = field(default_factory=dict, compare=False, repr=False)

    #: Criteria parsed by the engine, per trial, filled on first use: only open trials about
    #: the person's condition are ever judged, so parsing all of them up front would only
    #: slow the first page down.
    prepared: dict[str, PreparedTrial] = field(default_factory=dict, compare=False, repr=False)

    def prepared_trial(self, trial: Trial) -> PreparedTrial:
        found = self.prepared.get(trial.nct_id)
        if found is None:
            found = self.prepared.setdefault(trial.nct_id, prepare(trial.eligibility))
        return found

    def remember(self, key: tuple[Any, ...], make: Callable[..., Any], *args: Any) -> Any:
        if key not in self.memo:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            self.memo[key] = make(*args)
        return self.memo[key]

    @property
    def vocabulary(self) -> ConditionVocabulary:
        return self.index.vocabulary


@dataclass(frozen=True, slots=True)
class TrialMatch:
    trial: Trial
    result: TrialResult
    unknown_count: int
    stale_reasons: tuple[str, ...]
    recruiting_sites: int
    #: (miles, site) for every recruiting site with coordinates, nearest first; empty without a
    #: location. Shared with the per-location cache.
    site_distances: Sequence[tuple[float, Location]] = ()

    @property
    def verdict(self) -> Verdict:
        return self.result.verdict

    @property
    def nearest_site(self) -> Location | None:
        return self.site_distances[0][1] if self.site_distances else None

    @property
    def distance_miles(self) -> float | None:
        return self.site_distances[0][0] if self.site_distances else None


@dataclass(frozen=True, slots=True)
class MapPoint:
    lat: float
    lon: float
    site: str
    city: str
    nct_id: str
    title: str
    verdict: str
    distance_miles: float


@dataclass(frozen=True, slots=True)
class ScreeningResults:
    profile: dict[str, Any]
    condition: str | None
    likely: tuple[TrialMatch, ...]
    possible: tuple[TrialMatch, ...]
    excluded: tuple[TrialMatch, ...]
    #: Trials whose nearest recruiting site is further than the person will travel (not judged worse).
    too_far: tuple[TrialMatch, ...]
    #: Trials about the condition that are not recruiting (not shown as matches).
    closed_count: int
    next_step: Step | None
    answered_steps: int
    remaining_steps: int
    safety: SafetyNotice | None
    similar_conditions: tuple[str, ...] = ()
    registry_date: str | None = None
    person_location: Mapping[str, Any] | None = field(default=None)
    #: Recruiting sites of the shown trials near the person (for the map), nearest first.
    map_points: tuple[MapPoint, ...] = ()

    @property
    def shown(self) -> tuple[TrialMatch, ...]:
        return (*self.likely, *self.possible, *self.too_far)


def prepare_snapshot(snapshot: Snapshot, vocabulary: ConditionVocabulary | None = None) -> PreparedSnapshot:
    """Index every trial's condition words and recruiting sites (criteria are parsed on first use)."""
    vocabulary = vocabulary or load_condition_vocabulary()
    return PreparedSnapshot(
        meta=snapshot.meta,
        trials=snapshot.trials,
        index=ConditionIndex(snapshot.trials, vocabulary),
        sites={
            t.nct_id: tuple(
                loc for loc in t.locations if loc.is_recruiting and loc.lat is not None and loc.lon is not None
            )
            for t in snapshot.trials
        },
    )


def locate(geocoder: Geocoder, text: str) -> dict[str, Any]:
    """The stored answer for "Where do you live?"; raises ``GeocodeError`` when unknown."""
    return geocoder.locate(text).to_answer()


def _site_distances(sites: tuple[Location, ...], here: Mapping[str, Any] | None) -> list[tuple[float, Location]]:
    """(miles, site) for every recruiting site with coordinates, nearest first; empty without a location."""
    if not here or here.get("lat") is None or not sites:
        return []
    lat, lon = float(here["lat"]), float(here["lon"])
    return sorted(
        ((haversine_miles(lat, lon, s.lat, s.lon), s) for s in sites),  # type: ignore[arg-type]
        key=lambda pair: pair[0],
    )


def _rank_key(match: TrialMatch) -> tuple[int, float, int, str]:
    distance = match.distance_miles if match.distance_miles is not None else math.inf
    return (_VERDICT_RANK[match.verdict], distance, match.unknown_count, match.trial.nct_id)


def screen_patient(
    prepared: PreparedSnapshot,
    answers: Mapping[str, Any],
    *,
    bank: QuestionBank,
    today: date,
) -> ScreeningResults:
    """Screen the person's answers against the recruiting trials about their condition.

    Args:
        prepared: from ``prepare_snapshot`` (cached by the UI).
        answers: question id -> answer value; ``None`` means "Not sure" (unknown). Until the
            condition is answered, trials about the vocabulary's default condition are shown.
        bank: the question bank (turns answers into a profile, picks the next question).
        today: for the stale-listing flags.

    Returns:
        Trials grouped likely / possible / excluded (and too far), each ranked by
        verdict, distance to the nearest recruiting site, then number of unknowns;
        plus the next question, progress and any safety notice.

    Raises:
        ProfileError: an answer breaks the profile contract (names the key).
    """
    profile = validate_profile(bank.to_profile(answers))
    # Before the first question is answered, results follow the condition it offers first;
    # "Not sure" (None) means every condition.
    condition = profile.get("condition") if "condition" in answers else prepared.vocabulary.default
    wanted = prepared.remember(("condition", condition), prepared.index.matching_ids, condition)
    here = profile.get("location")
    here_key = (here.get("lat"), here.get("lon")) if here else None
    distance_table: dict[str, list[tuple[float, Location]]] = prepared.remember(("distances", here_key), dict)
    stale_table: dict[str, tuple[str, ...]] = prepared.remember(("stale", today), dict)
    relevant = [t for t in prepared.trials if (wanted is None or t.nct_id in wanted)]
    max_travel = profile.get("max_travel_miles")
    groups: dict[str, list[TrialMatch]] = {"likely": [], "possible": [], "excluded": [], "too_far": []}
    closed = 0
    radius = min(float(max_travel or MAP_DEFAULT_RADIUS_MILES), MAP_DEFAULT_RADIUS_MILES * 4)
    points: list[MapPoint] = []
    for trial in relevant:
        if not trial.is_open:
            closed += 1
            continue
        result = evaluate(prepared.prepared_trial(trial), profile)
        sites = prepared.sites[trial.nct_id]
        if trial.nct_id not in distance_table:
            distance_table[trial.nct_id] = _site_distances(sites, here)
        distances = distance_table[trial.nct_id]
        if trial.nct_id not in stale_table:
            stale_table[trial.nct_id] = tuple(trial.stale_reasons(today))
        if result.verdict is not Verdict.EXCLUDED:
            points.extend(
                MapPoint(
                    s.lat, s.lon, s.label, s.city or "", trial.nct_id, trial.brief_title, str(result.verdict), miles
                )  # type: ignore[arg-type]
                for miles, s in distances
                if miles <= radius
            )
        match = TrialMatch(
            trial=trial,
            result=result,
            unknown_count=sum(1 for c in result.criteria if c.outcome is Outcome.UNKNOWN),
            stale_reasons=stale_table[trial.nct_id],
            recruiting_sites=len(sites),
            site_distances=distances,
        )
        if result.verdict is Verdict.EXCLUDED:
            groups["excluded"].append(match)
        elif max_travel is not None and match.distance_miles is not None and match.distance_miles > max_travel:
            groups["too_far"].append(match)
        else:
            groups[str(result.verdict)].append(match)
    for members in groups.values():
        members.sort(key=_rank_key)
    # Follow-ups aim at trials within reach first; trials further than the person will travel
    # only steer the questions once nothing nearby is left to settle.
    open_results = [m.result for m in (*groups["likely"], *groups["possible"])]
    step = next_step(bank, answers, profile, open_results)
    if step is None and groups["too_far"]:
        open_results += [m.result for m in groups["too_far"]]
        step = next_step(bank, answers, profile, open_results)
    answered = sum(1 for q in bank.questions if q.id in answers and q.stage != "safety") + (
        1 if any(q.id in answers for q in bank.stage("safety")) else 0
    )
    return ScreeningResults(
        profile=profile,
        condition=condition,
        likely=tuple(groups["likely"]),
        possible=tuple(groups["possible"]),
        excluded=tuple(groups["excluded"]),
        too_far=tuple(groups["too_far"]),
        closed_count=closed,
        next_step=step,
        answered_steps=answered,
        remaining_steps=remaining_estimate(bank, answers, profile, open_results),
        safety=safety_notice(bank, answers),
        similar_conditions=tuple(prepared.index.similar_names(condition)) if condition and not relevant else (),
        registry_date=prepared.meta.data_timestamp,
        person_location=here,
        map_points=tuple(sorted(points, key=lambda p: p.distance_miles)[:MAP_MAX_POINTS]),
    )
