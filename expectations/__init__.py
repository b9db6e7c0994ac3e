"""The Great Expectations suites, shipped as package data (`tasks.expectations`): see pyproject.toml."""
