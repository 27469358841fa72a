"""Modules of the dashboard: each file here defines ``MODULE = machi.registry.Module(...)``."""
