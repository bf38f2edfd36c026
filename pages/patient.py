"""Patient page (minimal until the questionnaire lands): trials in the embedded snapshot."""

import streamlit as st

from screener import ui

snapshot = ui.get_snapshot()
st.title("Find a clinical trial")
st.caption(f"Registry data as of {snapshot.meta.data_timestamp} · {snapshot.meta.study_count} trials")
condition = st.text_input("Condition", value="Lower back pain", key="condition")
needle = condition.casefold()
rows = [
    {"NCT id": t.nct_id, "Status": t.overall_status, "Title": t.brief_title}
    for t in snapshot.trials
    if not needle or any(needle in c.casefold() for c in (*t.conditions, *t.keywords, t.brief_title))
]
st.dataframe(rows, hide_index=True)
ui.show_disclaimer()
