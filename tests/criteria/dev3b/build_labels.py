"""Write trials.jsonl and labels.jsonl of the dev3b set from annotations.py.

Run: ``python -m tests.criteria.dev3b.build_labels``. The work (verbatim quotes, unchanged fixture lines, structured
age/sex limits, a label for every profile x trial pair) is in ``tests/criteria/labelled_set.py``.
"""

from __future__ import annotations

from pathlib import Path

from tests.criteria import labelled_set
from tests.criteria.dev3b.annotations import A

HERE = Path(__file__).resolve().parent


def render() -> tuple[str, str]:
    return labelled_set.render(HERE, A)


if __name__ == "__main__":
    labelled_set.write(HERE, A)
