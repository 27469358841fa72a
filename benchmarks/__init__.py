"""The benchmarks: the app against a minimal Streamlit app (bench.py, reference_app.py), the permit engine
(permit_bench.py), and the server plumbing they share with the browser tests (server.py). Not shipped
inside the machi package."""
