"""The shared foundation: paths, the database (build, read-only queries), datasets, formatting, input
checks, chart style and the text lookup. No Streamlit and no municipality here."""
