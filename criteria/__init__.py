"""Pure eligibility core: parse free-text criteria and judge them against a profile.

Nothing here does I/O: no requests, no database, no Streamlit (a test enforces it).
"""

from criteria.eligibility import Eligibility

__all__ = ["Eligibility"]
