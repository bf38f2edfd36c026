"""Entry point: page config and navigation, nothing else."""

import streamlit as st

st.set_page_config(page_title="Trial pre-screener", page_icon="🩺", layout="wide")

pages = [
    st.Page("pages/patient.py", title="Find trials", icon="🔎", default=True),
    st.Page("pages/recruiter.py", title="Recruiters", icon="🔒"),
]
st.navigation(pages).run()
