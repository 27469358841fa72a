"""The benchmark's reference: Streamlit's floor. One title and one plotly bar chart (the radio is only
there so the benchmark can trigger a rerun, as a user's click would). Started exactly as the app is."""

import plotly.graph_objects as go
import streamlit as st

st.title("Reference")
choice = st.radio("Series", ["A", "B"], horizontal=True)
values = [3, 1, 4, 1, 5, 9, 2, 6] if choice == "A" else [2, 7, 1, 8, 2, 8, 1, 8]
st.plotly_chart(go.Figure(go.Bar(x=list("abcdefgh"), y=values)))
