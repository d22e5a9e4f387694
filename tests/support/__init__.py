"""Helpers the tests share: one module per job, imported by tests and conftest, never one test by another."""
