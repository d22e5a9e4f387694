"""Hypothesis: how many examples to try, and front matter of every shape an editor might save."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FIELDS = ["name", "title", "partner", "public_party", "committee", "date", "signed", "term", "start", "end",
          "review_by", "case_number", "renews", "adopted_by", "funding", "year", "amount", "price_compensation",
          "note", "contacts", "email", "matters", "id", "paragraphs", "adopts", "agreements", "concerns",
          "organisation_number", "website", "documents_url", "minutes_url", "reviewed_numbers", "kind", "partners",
          "continues", "since", "place"]
"""The model's field names, so that generated front matter gets past 'unknown field' and deep into validation."""

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")), deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

scalars = (st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats() | st.text(max_size=30)
           | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)) | st.sampled_from(["foreningen", "kvinnojouren",
           "foreningen-2021-2023", "socialnamnden", "2021-06-09 § 112", "845000-8175", "SO 2020/0155"]))
keys = st.sampled_from(FIELDS) | st.text(max_size=10)


def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=5)


yaml_values: st.SearchStrategy[Any] = st.recursive(scalars, _containers, max_leaves=25)
front_matter = st.dictionaries(keys, yaml_values, max_size=8)
