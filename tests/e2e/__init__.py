"""Browser tests. A package so that their module names (e2e.test_playground, ...) never clash
with the AppTest files of the same name in tests/app."""
