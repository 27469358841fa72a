"""The shared chart helpers: which years an axis labels."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from machi.core import charts


@pytest.mark.parametrize(
    "first,last,ticks",
    [
        (2025, 2035, [2025, 2027, 2029, 2031, 2033, 2035]),  # Asaka's plan period
        (2025, 2034, [2025, 2027, 2029, 2031, 2033, 2034]),  # an odd span: the target year still labelled
        (2025, 2026, [2025, 2026]),
        (2025, 2025, [2025]),
    ],
)
def test_year_ticks_label_every_other_year_and_both_ends(first, last, ticks):
    assert charts.year_ticks(first, last) == ticks


@pytest.mark.parametrize(
    "first,last,ticks",
    [
        (2025, 2035, [2025, 2030, 2035]),  # Asaka's plan period: baseline, midpoint, target
        (2025, 2036, [2025, 2030, 2036]),
        (2025, 2033, [2025, 2030, 2033]),  # the target 3 years (over half a step) after 2030: both labelled
        (2025, 2031, [2025, 2031]),  # 2030 would crowd the target year 2031: left out
        (2025, 2027, [2025, 2027]),
    ],
)
def test_year_ticks_leave_out_a_year_that_would_crowd_the_last(first, last, ticks):
    assert charts.year_ticks(first, last, 5) == ticks


@given(st.integers(1900, 2100), st.integers(0, 60), st.integers(1, 5))
def test_year_ticks_start_and_end_on_the_given_years_evenly_spaced_and_never_crowded(first, span, step):
    ticks = charts.year_ticks(first, first + span, step)
    assert ticks[0] == first and ticks[-1] == first + span and ticks == sorted(set(ticks))
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert all(g == step for g in gaps[:-1])  # every step-th year up to the last label
    if gaps:  # the last gap: never over one and a half steps, and under half a step only with no year between
        assert gaps[-1] < 1.5 * step and (gaps[-1] >= step / 2 or len(ticks) == 2)
