"""Standard identifiers of members: ISO 3166-1 codes for states, checked against `pycountry`
(a maintained copy of the standard, imported only here and only when a dataset is checked),
and an organisation's external identifier with its scheme."""

from __future__ import annotations

from typing import Any

from .errors import Problem
from .model import line_of
from .names import fold

CODES = (("iso_alpha2", "alpha_2", 2), ("iso_alpha3", "alpha_3", 3))


def _names(country: Any) -> set[str]:
    """The folded names the standard gives a country: its short, official and common names,
    and the short name before its comma ("Iran, Islamic Republic of" -> "Iran")."""
    names = {getattr(country, a, None) for a in ("name", "official_name", "common_name")}
    names.add(country.name.split(",")[0])
    return {fold(n) for n in names if n}


def problems(members: list[Any], label: str) -> list[Problem]:
    """A problem for each state without both ISO 3166-1 codes, each code the standard does not
    have, alpha-2 and alpha-3 codes of two different countries, a code whose country is not
    the member (neither its name nor an alias names it), ISO codes on an organisation, and an
    identifier without its scheme or a scheme without an identifier."""
    found: list[Problem] = []
    states = [m for m in members if m.kind == "state"]
    countries = None
    if any(getattr(m, f) is not None for m in states for f, _, _ in CODES):
        import pycountry

        countries = pycountry.countries
    for member in members:
        who = f"member '{member.id}'"
        if member.kind != "state":
            given = [fname for fname, _, _ in CODES if getattr(member, fname) is not None]
            if given:
                found.append(Problem(label, line_of(member, given[0]),
                                     f"{who} is an {member.kind}: {' and '.join(given)} (ISO 3166-1) "
                                     f"{'is' if len(given) == 1 else 'are'} for states; "
                                     "give an identifier and its identifier_scheme instead"))
        else:
            matched = []
            for fname, attr, size in CODES:
                code = getattr(member, fname)
                line = line_of(member, fname)
                if code is None:
                    if fname in (getattr(member, "_lines", None) or {}):
                        continue  # written, but not as text: reported as a wrong field
                    found.append(Problem(label, member.line, f"{who} is a state without {fname} (its ISO 3166-1 "
                                                             f"alpha-{size} code)"))
                    continue
                country = countries.get(**{attr: code}) if code.isascii() and code.isalpha() and code.isupper() and len(code) == size else None
                if country is None:
                    found.append(Problem(label, line, f"{who}: {fname} {code!r} is not an ISO 3166-1 alpha-{size} code"))
                    continue
                matched.append((fname, code, country, line))
            if len(matched) == 2 and matched[0][2].alpha_2 != matched[1][2].alpha_2:
                (_, code2, one, _), (_, code3, other, line3) = matched
                found.append(Problem(label, line3, f"{who}: iso_alpha3 {code3!r} is {other.name} but iso_alpha2 "
                                                   f"{code2!r} is {one.name}"))
            elif matched:
                fname, code, country, line = matched[0]
                mine = {fold(n) for n in (member.name, *member.aliases) if type(n) is str}  # name: None when wrong
                if type(member.name) is str and not mine & _names(country):
                    found.append(Problem(label, line, f"{who}: {fname} {code!r} is the code of {country.name}, "
                                                      f"which is neither the member's name nor one of its aliases"))
        if (member.identifier is None) != (member.identifier_scheme is None):
            given, missing = ("identifier", "identifier_scheme") if member.identifier is not None else ("identifier_scheme", "identifier")
            found.append(Problem(label, line_of(member, given), f"{who} has {given} but no {missing}"))
    return found
