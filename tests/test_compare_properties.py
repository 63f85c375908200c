"""Properties of the verdicts over generated EDTF dates: the relations are symmetric where
they should be, and consistent with precision."""

from hypothesis import given, settings
from hypothesis import strategies as st

from cica_cli import compare as C
from cica_cli.claims import judge
from cica_cli import dates
from strategies import QUALIFIERS, at, days, edtf

values = st.sampled_from([5, 8, 9, 27, 28])
scopes = st.sampled_from(["all", "all", "participants"])
statuses = st.sampled_from(["member", "observer", "applicant", "non-member", "cooperating"])


def figure(value, as_of, scope="all", source="a", qualifier=None):
    return C.Observation(C.FIGURE, "m", f"{source}-{value}", value, as_of, source, "q", qualifier, scope=scope)


@given(edtf())
def test_a_date_agrees_with_itself(a):
    assert judge(a, a)[0] == C.AGREE


@given(days, QUALIFIERS)
def test_a_day_inside_a_year_or_month_is_compatible_with_it(day, q):
    year, month, exact = at(day, "year") + q, at(day, "month") + q, at(day, "day")
    assert judge(year, exact)[0] == C.COMPATIBLE
    assert judge(month, exact)[0] == C.COMPATIBLE
    assert judge(year, at(day, "month"))[0] == C.COMPATIBLE


@given(days, days)
def test_a_day_outside_a_plain_year_conflicts_with_it(day, other):
    if other.year != day.year:
        assert judge(at(day, "year"), at(other, "day"))[0] == C.CONFLICT


@settings(max_examples=300)
@given(days, days, st.sampled_from(["year", "month", "day"]))
def test_coarsening_a_date_never_creates_a_conflict(a, b, precision):
    """Saying less (a year instead of a day) can turn a conflict into compatibility, never
    the other way round."""
    fine = judge(at(a, "day"), at(b, "day"))[0]
    coarse = judge(at(a, precision), at(b, "day"))[0]
    if fine != C.CONFLICT:
        assert coarse != C.CONFLICT


@settings(max_examples=400)
@given(values, edtf(), scopes, values, edtf(), scopes)
def test_figure_verdicts_are_symmetric_and_changed_names_the_same_newer_one(v1, w1, q1, v2, w2, q2):
    a, b = figure(v1, w1, q1, "a"), figure(v2, w2, q2, "b")
    ab, ba = C.compare(a, b), C.compare(b, a)
    assert ab.verdict == ba.verdict
    if ab.verdict == C.CHANGED:
        newer_ab = a if ab.newer == "a" else b
        newer_ba = b if ba.newer == "a" else a
        assert newer_ab is newer_ba
        assert newer_ab.span.lower > (b if newer_ab is a else a).span.upper
    else:
        assert ab.newer is None and ba.newer is None


@settings(max_examples=400)
@given(values, edtf(), values, edtf(), st.sampled_from([None, "participating at the first Summit", "today"]))
def test_figure_verdict_is_decided_by_value_and_overlap(v1, w1, v2, w2, qualifier):
    """Within one scope; the source's wording (qualifier) is not compared."""
    verdict = C.compare(figure(v1, w1, qualifier=qualifier), figure(v2, w2)).verdict
    overlap = dates.overlaps(dates.parse(w1), dates.parse(w2))
    expected = C.AGREE if v1 == v2 else C.CONFLICT if overlap else C.CHANGED
    assert verdict == expected


@given(values, edtf(), values, edtf())
def test_a_different_scope_is_never_a_conflict(v1, w1, v2, w2):
    verdict = C.compare(figure(v1, w1, "participants"), figure(v2, w2)).verdict
    assert verdict == C.SCOPE


@given(statuses, edtf(), statuses, edtf())
def test_status_verdicts_are_symmetric(s1, w1, s2, w2):
    a = C.Observation(C.STATUS, "x", "x", s1, w1, "a", "q")
    b = C.Observation(C.STATUS, "x", "x", s2, w2, "b", "q")
    verdict = C.compare(a, b).verdict
    assert verdict == C.compare(b, a).verdict
    if verdict == C.CONFLICT:
        assert "member" in (s1, s2) and s1 != s2


@given(st.lists(st.tuples(values, edtf()), min_size=0, max_size=6))
def test_overall_verdict_order(pairs):
    observations = [figure(v, w, source=str(i)) for i, (v, w) in enumerate(pairs)]
    comparisons = [C.compare(x, y) for x, y in zip(observations, observations[1:])]
    verdict = C.overall(comparisons, len(observations))
    found = {c.verdict for c in comparisons}
    if C.CONFLICT in found:
        assert verdict == C.CONFLICT
    elif C.CHANGED in found:
        assert verdict == C.CHANGED
    elif found:
        assert verdict == C.AGREE
    else:
        assert verdict == (C.SINGLE if len(observations) == 1 else C.NONE)


# --- counts as written: ranges, bounds and sums ---------------------------------------------

numbers = st.integers(0, 40)


@st.composite
def count(draw):
    """A count as an article may write it: a number, a range, or a bound (one or two ends)."""
    form = draw(st.sampled_from(["number", "number", "range", "min", "over", "max", "under", "between"]))
    n = draw(numbers)
    if form == "number":
        return n
    if form in ("range", "between"):
        high = n + draw(st.integers(1, 10))
        return [n, high] if form == "range" else {"over": n, "max": high}
    return {form: n}


def allows(value, n) -> bool:
    from cica_cli import counts

    span = counts.interval(value)
    above = n > span.low or (n == span.low and not span.low_open)
    below = n < span.high or (n == span.high and not span.high_open)
    return above and below


@given(numbers, st.integers(1, 10), st.integers(0, 10), edtf(), edtf())
def test_a_range_agrees_with_every_number_it_contains_and_with_no_other(low, width, offset, w1, w2):
    from cica_cli import counts

    written = [low, low + width]
    inside = low + min(offset, width)
    assert C.compare(figure(written, w1), figure(inside, w2)).verdict == C.AGREE
    outside = low + width + 1 + offset
    overlap = dates.overlaps(dates.parse(w1), dates.parse(w2))
    expected = C.CONFLICT if overlap else C.CHANGED
    assert C.compare(figure(written, w1), figure(outside, w2)).verdict == expected
    assert counts.relation(written, inside) == counts.WITHIN


@given(numbers, numbers, edtf(), edtf())
def test_a_lower_bound_is_compatible_with_the_numbers_above_it_only(bound, n, w1, w2):
    for written, fits in (({"over": bound}, n > bound), ({"min": bound}, n >= bound)):
        verdict = C.compare(figure(written, w1), figure(n, w2)).verdict
        if fits:
            assert verdict == C.COMPATIBLE
        else:
            overlap = dates.overlaps(dates.parse(w1), dates.parse(w2))
            assert verdict == (C.CONFLICT if overlap else C.CHANGED)


@settings(max_examples=300)
@given(count(), edtf(), count(), edtf())
def test_count_verdicts_are_symmetric_and_a_conflict_means_no_number_fits_both(v1, w1, v2, w2):
    ab, ba = C.compare(figure(v1, w1, source="a"), figure(v2, w2, source="b")), C.compare(figure(v2, w2, source="b"), figure(v1, w1, source="a"))
    assert ab.verdict == ba.verdict
    fits_both = any(allows(v1, n) and allows(v2, n) for n in range(-1, 60)) or any(
        allows(v1, n + 0.5) and allows(v2, n + 0.5) for n in range(-1, 60))
    if ab.verdict in (C.CONFLICT, C.CHANGED):
        assert not fits_both
    else:
        assert fits_both and ab.verdict in (C.AGREE, C.COMPATIBLE)


@given(st.lists(count(), min_size=2, max_size=4), st.data())
def test_the_sum_of_parts_allows_exactly_the_sums_of_what_each_part_allows(parts, data):
    from cica_cli import counts

    total = counts.total(parts)
    chosen = [data.draw(st.integers(0, 60)) for _ in parts]
    if all(allows(p, n) for p, n in zip(parts, chosen)):
        assert allows(total, sum(chosen))
    if all(isinstance(p, int) for p in parts):
        assert total == sum(parts)


@given(st.lists(st.integers(0, 20), min_size=2, max_size=4), st.integers(0, 80), edtf())
def test_a_stated_sum_agrees_with_the_sum_of_its_parts_at_the_same_time_and_only_then(parts, stated, window):
    from cica_cli import counts

    derived = C.Observation(C.FIGURE, "m", "parts", counts.total(parts), window, "b", "q", parts=("x", "y"), scope="all")
    verdict = C.compare(figure(stated, window), derived).verdict
    assert verdict == (C.AGREE if stated == sum(parts) else C.CONFLICT)


@settings(max_examples=300)
@given(st.lists(st.tuples(count(), edtf()), min_size=0, max_size=7))
def test_the_conflict_sweep_pairs_every_observation_that_conflicts_with_an_earlier_one(pairs):
    """Every observation in conflict with one whose window starts no later gets a partner."""
    observations = [figure(v, w, source=str(i)) for i, (v, w) in enumerate(pairs)]
    found = C._hidden_conflicts(observations)
    assert all(c.verdict == C.CONFLICT for c in found)
    ordered = sorted(observations, key=lambda o: (o.span.lower, o.span.upper))
    expected = {o.id for i, o in enumerate(ordered)
                if any(C.compare(p, o).verdict == C.CONFLICT for p in ordered[:i])}
    assert {c.b.id for c in found} == expected
