"""Entry point: page config and navigation, nothing else.

The pages live in ``views/``, not ``pages/``: Streamlit still auto-discovers a ``pages/``
folder for the first request of a new server, which showed a bare file-name menu.
"""

import streamlit as st

st.set_page_config(page_title="Trial pre-screener", page_icon="🩺", layout="wide")

pages = [
    st.Page("views/patient.py", title="Find trials", icon="🔎", default=True),
    st.Page("views/recruiter.py", title="Recruiters", icon="🔒"),
]
st.navigation(pages).run()
