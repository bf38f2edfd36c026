"""Numeric thresholds in criteria text: age, pain duration, pain intensity, BMI, and time windows.

Works on ``lexicon.normalise``d text. Each finding carries its character span so the
compiler can tell which concept phrases it qualifies and which numbers stay unread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDNUM = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "a": 1,
    "an": 1,
}
_N = (
    r"(?<![a-z0-9.])(\d+(?:\.\d+)?(?![0-9])|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty)(?![a-z]))"
)
_UNIT = r"((?:hours?|hrs?|days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?)(?![a-z]))"
_UNIT_MONTHS = {"h": 1 / 730.0, "d": 1 / 30.4, "w": 1 / 4.345, "m": 1.0, "y": 12.0}

_GE = r"(?:>=|at least|a minimum of|minimum of|minimum|min\.?|no less than|not less than|greater than or equal to|more than or equal to|equal to or greater than|equal or greater than|equal to or more than|>/=)"
_GT = r"(?:>|more than|greater than|longer than|over|above|exceeding|exceeds|in excess of)"
_LE = r"(?:<=|at most|no more than|not more than|maximum of|maximum|max\.?|up to|less than or equal to|</=)"
_LT = r"(?:<|less than|under|below|fewer than|shorter than|younger than)"
_CMP = rf"(?P<cmp>not older than|no older than|not younger than|no younger than|{_GE}|{_LE}|{_GT}|{_LT}|older than)"
_POST = (
    r"(?P<post>(?:or more|or longer|or greater|or higher|and higher|or above|and above|and older|or older|or over|or less|or fewer|or lower|"
    r"or younger|or under|and under|and below|or below|and younger)(?!\s+than)|\+)"
)

# "at least 3 months", "> 50 mm", "6 or more weeks", "18 years or older"
_SINGLE = re.compile(
    rf"(?:{_CMP}\s*(?:the\s+age\s+of\s+|age\s+of\s+|of\s+)?)?{_N}\)?\s*(?:-\s*)?{_UNIT}?(?:\s+of\s+age|\s+old)?\s*{_POST}?"
)
# "6 or more weeks"
_POST_FIRST = re.compile(rf"{_N}\s*(?P<post>or more|or longer|or greater|or less|or fewer|\+)\s*{_UNIT}")
# "18-65 years", "18 to 65", "between 40 and 90 mm"
_RANGE = re.compile(
    rf"(?:between\s+(?:the\s+ages?\s+of\s+)?)?{_N}\s*{_UNIT}?(?:\s+old|\s+of\s+age)?\s*(?:-|to|and|~)\s*{_N}\s*{_UNIT}?"
)
# "in the last year", "within the past month"
_WINDOW_WORDS = re.compile(
    r"(?:(?:within|during)\s+(?:the\s+)?(?:past|last|previous|preceding|prior|recent)?|"
    r"(?:in|over)\s+(?:the\s+)?(?:past|last|previous|preceding|prior|recent))\s*"
    rf"(?:{_N}\s+)?{_UNIT}"
)
_WINDOW_BEFORE = re.compile(
    r"(?:within\b[^.;:]{0,24}|in the (?:past|last|previous|preceding|prior)|during the (?:past|last|previous)|in the|over the (?:past|last))\s*$"
)
_WINDOW_AFTER = re.compile(
    r"^\s*(?:ago|prior|before|preceding|of (?:screening|enrollment|enrolment|randomi[sz]ation|baseline|study|the)|to (?:screening|enrollment|study|randomi[sz]ation|baseline))"
)

#: A stop ("cessation", "quit", "stopped") just before "for less than N weeks" dates the last use.
_QUIT_BEFORE = re.compile(r"\b(?:cessation|quit|quitting|quitted|stopped|stopping)\s+(?:for\s+)?$")
_AGE_BEFORE = re.compile(
    r"(?:\bage[ds]?|\baged|\bage of|\bages of|\badults?|\bpatients|\bmen|\bwomen|\bsubjects|\bparticipants|\bindividuals)\s*(?:is|was|of|range|between|:|from)?\s*$"
)
_PAIN_CUE = re.compile(
    r"\b(?:lasts|lasted|pain|symptom|symptoms|sciatica|lbp|clbp|radicul\w*|complaint|complaints|ache|episode|duration|lasting|persist\w*|backache|lumbago)\b"
)
_INTENSITY_CUE = re.compile(
    r"\b(?:vas|nrs|nprs|numeric(?:al)? (?:pain )?rating|visual analog(?:ue)?|pain (?:score|intensity|level|rating|severity)|"
    r"intensity|rated|out of 10|0 to 10|on a 10)\b|/ ?10\b|\b0 ?- ?10\b"
)
_INTENSITY_BLOCK = re.compile(
    r"\b(?:odi|oswestry|disability|promis|rmdq|roland|morris|t ?score|ndi|womac|koos|hoos|bdi|phq|gad|mmse|moca|sf ?36|sf ?12|eq ?5d|bpi interference|interference|function|functional|depression|anxiety|catastrophi\w*|kinesiophobia|tsk|stratify|start back|hads|jo[ab]|mjoa|asa|ecog|karnofsky|kps|hba1c|gfr|creatinine|platelet|inr|mm ?hg|mm of hg|hg|blood pressure|pressure|degrees?|cobb|mm of|height|disc height|obliteration|canal)\b"
)
_BMI_BEFORE = re.compile(r"(?:bmi|body mass index)\s*(?:\(bmi\))?\s*(?:of|is|was|:|value)?\s*$")
#: "(BMI) 18.5 over to ", "BMI between 18 and ": a second BMI bound after the first.
_BMI_LIST = re.compile(
    r"(?:bmi|body mass index)\s*(?:\(bmi\))?\s*(?:of|is|was|:|value|between|from)?\s*(?:[<>]=?\s*)?\d+(?:\.\d+)?"
    r"\s*(?:kg ?/? ?m2?)?\s*(?:over|to|and|-|,)?\s*(?:to\s*)?(?:[<>]=?\s*)?$"
)
_PERCENT = re.compile(r"%|\bpercent")
#: A 0-10 answer stands for a band one step wide on a 0-100 scale.
_HALF_STEP = 0.5
_HUNDRED = re.compile(r"\b(?:mm|/ ?100|0 ?- ?100|0 to 100|100 ?mm|out of 100|100 point|100-point)\b")


@dataclass(frozen=True, slots=True)
class Finding:
    """A number the text compares something with. kind: age | duration | intensity | bmi | window | other."""

    kind: str
    op: str  # ge gt le lt (window: le = "within")
    value: float
    start: int
    end: int
    #: Half a step of the profile's scale when the value was converted from another scale: an NRS 8 is
    #: anywhere from 75 to 85 mm on a VAS, so an answer this close to the threshold settles nothing.
    tol: float = 0.0
    #: A duration read from a failed treatment's length ("failed 6 weeks of conservative care"): a minimum
    #: for the pain's, weaker than a duration the criterion states for the pain itself.
    implied: bool = False


def _num(text: str) -> float | None:
    if text in _WORDNUM:
        return float(_WORDNUM[text])
    try:
        return float(text)
    except ValueError:
        return None


def _op(cmp: str | None, post: str | None) -> str | None:
    if cmp:
        c = cmp.strip()
        if c in ("not older than", "no older than"):
            return "le"
        if c in ("not younger than", "no younger than"):
            return "ge"
        if re.fullmatch(_GE, c):
            return "ge"
        if re.fullmatch(_LE, c):
            return "le"
        if re.fullmatch(_GT, c) or c == "older than":
            return "gt"
        if re.fullmatch(_LT, c):
            return "lt"
    if post:
        p = post.strip()
        if p in (
            "or less",
            "or fewer",
            "or lower",
            "or younger",
            "or under",
            "and under",
            "and below",
            "or below",
            "and younger",
        ):
            return "le"
        return "ge"
    return None


def _months(value: float, unit: str) -> float:
    return value * _UNIT_MONTHS.get(unit[0], 1.0)


_ANY_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|year|month|week|day)"
)


_UNITS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
#: "six (6) months", "twenty-one (21) years": the number written twice; the digits are read, in place (same length,
#: so positions still match the text).
_WORD_AND_DIGITS = re.compile(
    rf"\b(?:{_UNITS_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    rf"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]{_UNITS_WORD})?)\s*\((\d+)\)"
)


def findings(text: str) -> list[Finding]:
    """Every comparison with a number in ``text`` (normalised), classified by what it measures."""
    text = _WORD_AND_DIGITS.sub(lambda m: m.group(1).ljust(len(m.group(0))), text)
    out: list[Finding] = []
    if not _ANY_NUMBER.search(text):
        return out
    taken: list[tuple[int, int]] = []
    intensity_context = (
        bool(_INTENSITY_CUE.search(text)) and not _INTENSITY_BLOCK.search(text) and not _PERCENT.search(text)
    )
    hundred = bool(_HUNDRED.search(text))

    def overlaps(a: int, b: int) -> bool:
        return any(a < e and s < b for s, e in taken)

    for m in _WINDOW_WORDS.finditer(text):
        if m.group(1) is None and m.group(2) is None:
            continue
        n = _num(m.group(1)) if m.group(1) else 1.0
        if n is None:
            continue
        kind = "duration" if _onset_before(text, m.start(), m.end()) else "window"
        out.append(Finding(kind, "le", _months(n, m.group(2)), m.start(), m.end()))
        taken.append((m.start(), m.end()))

    for m in _POST_FIRST.finditer(text):
        value = _num(m.group(1))
        if value is None:
            continue
        unit = m.group(3)
        before = text[max(0, m.start() - 40) : m.start()]
        kind = _classify(
            before, m.group(0), unit, _pain_near(text, m.start(), lower_bound=True), intensity_context, lo=value
        )
        if kind == "duration":
            value = _months(value, unit)
        out.append(Finding(kind, _op(None, m.group("post")) or "ge", value, m.start(), m.end()))
        taken.append((m.start(), m.end()))

    for m in _RANGE.finditer(text):
        if overlaps(m.start(), m.end()):
            continue
        lo, hi = _num(m.group(1)), _num(m.group(3))
        unit = m.group(2) or m.group(4)
        if lo is None or hi is None or lo >= hi:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 40]
        if lo == 0 and unit is None:
            continue  # "(0-100)", "0 to 10": the scale, not a threshold
        kind = _classify(before, m.group(0) + after, unit, _pain_near(text, m.start()), intensity_context, lo=hi)
        if kind == "other" and not m.group(0).startswith("between") and "-" not in m.group(0):
            continue
        if kind == "duration" and unit:
            lo, hi = _months(lo, unit), _months(hi, unit)
        tol = 0.0
        if kind == "intensity" and (hundred or hi > 10):
            lo, hi, tol = lo / 10, hi / 10, _HALF_STEP
        if kind == "other" and unit and _failed_treatment(text, m.start(), m.end()):
            # "no improvement after 6-10 weeks of non-surgical treatment": the pain has lasted at least 6 weeks.
            out.append(Finding("duration", "ge", _months(lo, unit), m.start(), m.end(), implied=True))
            taken.append((m.start(), m.end()))
            continue
        out.append(Finding(kind, "ge", lo, m.start(), m.end(), tol))
        out.append(Finding(kind, "le", hi, m.start(), m.end(), tol))
        taken.append((m.start(), m.end()))

    for m in _SINGLE.finditer(text):
        if not m.group(0).strip() or overlaps(m.start(), m.end()):
            continue
        value = _num(m.group(2))
        if value is None:
            continue
        unit = m.group(3)
        op = _op(m.group("cmp"), m.group("post"))
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 20]
        if unit and op is None and _WINDOW_BEFORE.search(before):
            out.append(Finding("window", "le", _months(value, unit), m.start(), m.end()))
            continue
        if unit and op in ("lt", "le") and _QUIT_BEFORE.search(before):
            # "Smoker or cessation for less than 6 weeks": stopped less than 6 weeks ago, i.e. smoked within them.
            out.append(Finding("window", "le", _months(value, unit), m.start(), m.end()))
            continue
        lasting = bool(re.search(r"\b(?:for|lasting)\s*$", before)) and _pain_near(text, m.start())
        if unit and _WINDOW_AFTER.match(after) and not lasting:
            # "6 months prior to screening": a window when "within/<", else "more than N ago" (outside it).
            out.append(
                Finding("window", "le" if op in (None, "le", "lt") else "ge", _months(value, unit), m.start(), m.end())
            )
            continue
        if unit and op in (None, "ge", "gt") and _failed_treatment(text, m.start(), m.end()):
            # "Failed at least eight weeks conservative treatment": the pain has lasted at least that long.
            out.append(Finding("duration", op or "ge", _months(value, unit), m.start(), m.end(), implied=True))
            continue
        if op is None:
            wordy = m.group(2).isalpha()
            if wordy or not unit:
                if not unit and re.search(r"\bage[ds]?\s*$", before) is None and not _BMI_BEFORE.search(before):
                    out.append(Finding("other", "", value, m.start(), m.end()))
                    continue
            # "for 3 months", "18 years of age": a duration or age stated as a minimum.
            if unit and re.search(r"\b(?:for|lasting|duration of|of)\s*$", before):
                op = "ge"
            elif unit and re.search(
                r"\b(?:unresolved|persist\w*|continu\w*|ongoing) (?:after|beyond|for|over)\s*$", before
            ):
                op = "ge"  # "Symptoms unresolved after 4 weeks"
            elif unit and re.search(r"\bof age|\bold\b", m.group(0)) and value <= 21:
                # A bare "18 years of age" is the adult minimum; "65 years old" alone could be either bound.
                op = "ge"
            elif cmp_age := re.search(
                r"\b(under|below|less than|younger than|over|above|older than)\s+(?:the\s+)?age(?:\s+of)?\s*$", before
            ):
                # "Healthy adults under age 60": the comparison comes before the word "age".
                op = "gt" if cmp_age.group(1) in ("over", "above", "older than") else "lt"
            elif re.search(r"\bage[ds]?\s*$", before) or _BMI_BEFORE.search(before):
                op = "ge" if not _BMI_BEFORE.search(before) else None
            if op is None:
                out.append(Finding("other", "", value, m.start(), m.end()))
                continue
        pain = _pain_near(text, m.start(), lower_bound=op in ("ge", "gt"))
        kind = _classify(before, after + m.group(0), unit, pain, intensity_context, lo=value)
        if kind == "other" and unit and _since_onset(text, m.end()):
            # "up to 3 months from beginning of symptoms", "more than 3 months of evolution": how long it has hurt.
            kind = "duration"
        if kind == "other" and not unit and _BMI_LIST.search(before):
            # "Body mass index (BMI) 18.5 over to less than 30": the second bound of a BMI range.
            kind = "bmi"
        if kind == "other" and out and out[-1].kind in ("duration", "age") and unit:
            # "less than 6 months or greater than 60 months": the second bound measures the same thing.
            if re.fullmatch(r"\s*(?:,|or|and|but|to)\s*", text[out[-1].end : m.start()]):
                kind = out[-1].kind
        tol = 0.0
        if kind == "duration" and unit:
            value = _months(value, unit)
        elif kind == "intensity" and (hundred or value > 10):
            value, tol = value / 10, _HALF_STEP
        out.append(Finding(kind, op, value, m.start(), m.end(), tol))
    return out


_NOT_PAIN = re.compile(
    r"\b(?:cancer\w*|malignan\w*|tumou?r\w*|surger\w*|surgical|operat\w*|inject\w*|treat\w*|therap\w*|medic\w*|drug\w*|"
    r"use|used|using|usage|administ\w*|taking|care|trial\w*|stud\w*|follow\w*|ago|prior|before|after|since|pregnan\w*|"
    r"infection\w*|fracture\w*|day\w*|week\w*|month\w*|year\w*|despite|conservative|fail\w*|conducted)\b"
)


# "4-6 weeks of conservative treatment": a treatment's length, not the pain's.
_TREATMENT_AFTER = re.compile(
    r"\s*(?:of|with)\s+(?:\w+\s+){0,2}(?:treat\w*|therap\w*|care|physio\w*|management|medica\w*|rehab\w*)"
)


#: "pain unresponsive to conservative therapy for more than six weeks": the pain has lasted that long too.
_UNRESPONSIVE = re.compile(
    r"\b(?:unresolved|unresponsive|refractory|resistant|not responding|not responded|not relieved|without relief|no relief|despite)\b"
)
_TREATMENT_WORDS = re.compile(
    r"\b(?:treat\w*|therap\w*|physio\w*|medic\w*|conservative|care|management|rehabilitation|analgesi\w*|and|or|to|with|after|beyond)\b"
)
#: A subject other than the pain between "pain ... that" and "lasts".
_NOT_PAIN_SUBJECT = re.compile(
    r"\b(?:treat\w*|therap\w*|program\w*|session\w*|course|medica\w*|inject\w*|stud\w*|trial\w*)\b"
)


#: A treatment that did not work: its length is a minimum for the pain's ("failed conservative care for at least
#: 6 weeks", "> 6 weeks of unsuccessful conservative treatment", "no improvement after 6-10 weeks of ...").
_FAILURE = re.compile(
    r"\b(?:fail\w*|unsuccessful|no (?:improvement|response|relief)|not (?:improv\w*|respond\w*|relieved)|"
    r"inadequate (?:improvement|response|relief)|unresponsive|refractory|resistan\w*|despite|completed)\b"
)
#: A parenthesis inside the clause ("Failed conservative treatment (physical therapy, bed rest, ...) for a minimum
#: period of 3 months") is a list of examples: its commas end no clause and its words are skipped.
_PARENTHESIS = re.compile(r"\([^()]*\)")
_ANY_OF = re.compile(r"\b(?:one|any|either) of the following\b")
_LATER_ALTERNATIVE = re.compile(r"\bor\b")
#: Lists of examples ("(physical therapy or medication)", "that may have included ... or ...") are no alternatives.
_EXAMPLES = re.compile(r"\([^)]*\)|\b(?:includ\w*|such as|e\.?g\.?|for example)\b.*")
_NOT_FAILED = re.compile(r"\b(?:not|never|no|without)\s+(?:\w+\s+)?(?:fail\w*|unsuccessful)\b")
_TREATMENT = re.compile(r"\b(?:treat\w*|therap\w*|care|management|physio\w*|rehab\w*|medica\w*|measures|options?)\b")


def _failed_treatment(text: str, start: int, end: int) -> bool:
    """Whether the number is the length of a treatment the criterion says failed, in its own clause."""
    blank = _PARENTHESIS.sub(lambda m: " " * len(m.group()), text[:start]) + text[start:]
    lo = max(blank.rfind(c, 0, start) for c in ",;.:(")
    hi = min((i for i in (text.find(c, end) for c in ",;.:)") if i >= 0), default=len(text))
    before = " ".join(blank[lo + 1 : start].split())[-60:] + " "
    after = text[end : min(hi, end + 60)]
    clause = f"{before} {after}"
    if not _FAILURE.search(clause) or _NOT_FAILED.search(clause) or re.search(r"\bwithin\s*$", before):
        return False
    if _ANY_OF.search(text) or _LATER_ALTERNATIVE.search(_EXAMPLES.sub(" ", text[end:])):
        # "Unresponsive to ... at least 6 weeks or presence of progressive symptoms ...": another way in.
        return False
    # The treatment is what lasted: named just after the number ("6 weeks of conservative treatment") or just
    # before it ("conservative care for at least 6 weeks", "non-operative treatment of at least 6 weeks").
    named_after = re.match(r"\s*(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:treat|therap|care|manage|physio|rehab|medica)", after)
    named_before = _TREATMENT.search(before[-45:]) and re.search(r"\b(?:for|of|over)\s*(?:\S+\s*){0,3}$", before)
    return bool(named_after or named_before)


def _pain_near(text: str, start: int, *, lower_bound: bool = False) -> bool:
    """A pain word shortly before the number, with no other subject in between ("pain for at least 3 months").

    With ``lower_bound``, pain "unresponsive to therapy for more than six weeks" counts too: the therapy's
    length is then a minimum for the pain's (never a maximum)."""
    before = text[max(0, start - 60) : start]
    if lower_bound and _UNRESPONSIVE.search(before):
        # "low back pain unresponsive to medical treatment and physiotherapy over a period of at least ...".
        before = text[max(0, start - 110) : start]
    cues = list(_PAIN_CUE.finditer(before))
    if not cues:
        return False
    between = before[cues[-1].end() :]
    if cues[-1].group() in ("lasts", "lasted"):
        # "Radicular pain that begins any time after surgery and lasts for at least 6 months".
        wider = text[max(0, start - 100) : start]
        pains = [c for c in _PAIN_CUE.finditer(wider) if c.group() not in ("lasts", "lasted")]
        return bool(pains) and not _NOT_PAIN_SUBJECT.search(wider[pains[-1].end() :])
    if lower_bound and _UNRESPONSIVE.search(between):
        between = _TREATMENT_WORDS.sub(" ", _UNRESPONSIVE.sub(" ", between))
    return not _NOT_PAIN.search(between)


_ONSET = re.compile(r"\bonset\b")
_AFTER_EVENT = re.compile(r"^\s*(?:of|after|following|from|post|since)\b")


def _onset_before(text: str, start: int, end: int) -> bool:
    """ "Onset time of radiating pain occurred within 12 weeks": a window on the pain's onset is its duration."""
    before = text[max(0, start - 70) : start]
    onset = list(_ONSET.finditer(before))
    if not onset or _AFTER_EVENT.match(text[end : end + 12]):
        return False
    if not _PAIN_CUE.search(before):
        return False
    return not _NOT_PAIN.search(before[onset[-1].end() :].replace("duration", ""))


_SINCE_ONSET = re.compile(
    r"^\s*(?:from|since|after)\s+(?:the\s+)?(?:beginning|onset|start)\s+of\s+(?:the\s+)?(?:symptoms?|pain|sciatica)|"
    r"^\s*of\s+(?:evolution|symptoms?)\b"
)
_SURGERY_WORDS = re.compile(r"\b(?:surg\w*|operat\w*|discectomy|arthrodesis|fusion|implant\w*|injection\w*)\b")


def _since_onset(text: str, end: int) -> bool:
    if not _SINCE_ONSET.match(text[end : end + 40]):
        return False
    # "Surgery ... with at least 3 months of evolution" counts from the operation, not the pain.
    return not _SURGERY_WORDS.search(text[max(0, end - 120) : end])


def _classify(before: str, around: str, unit: str | None, pain: bool, intensity: bool, *, lo: float) -> str:
    # "kg/m2" reads "kg m2" once normalised.
    if _BMI_BEFORE.search(before) or re.search(r"kg ?/ ?m|kg m2\b", around):
        return "bmi"
    if (
        unit
        and unit[0] == "y"
        and (
            _AGE_BEFORE.search(before)
            or re.search(r"\bage[ds]?\b", before[-25:])
            or re.search(r"\b(?:of age|old|or older|and older|of age or older)\b", around)
        )
    ):
        return "age"
    if not unit and (
        re.search(r"\b(?:age[ds]?|adults?)\b[^.;,]{0,12}$", before) or re.match(r"between the ages? of", around)
    ):
        return "age"
    if re.search(r"\b(?:younger|older) than\b", around) and (not unit or unit[0] == "y"):
        return "age"
    if unit and pain and not _TREATMENT_AFTER.match(around[around.find(unit) + len(unit) :] if unit in around else ""):
        return "duration"
    if not unit and intensity and lo <= 100:
        return "intensity"
    return "other"
