"""The SQL of the warehouse's views, shipped as package data (`tasks.sql`): see pyproject.toml.

The warehouse's own data files are written beside it by `python3 dev.py example` (git-ignored).
"""
