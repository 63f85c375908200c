"""The closed lists of the data model: the values a kind, status, role or scope may take.

One home for them, with no imports, so that the loader and `check` (through `model.CHOICES`)
and the command line's help, completion and "did you mean" all read the same lists.
"""

EVENT_KINDS = (
    "proposal", "summit", "ministerial", "meeting", "adoption", "institutional",
    "membership", "anniversary", "statement", "initiative", "forum",
)
STATUSES = ("member", "observer", "partner", "applicant", "non-member", "cooperating")
ROLES = ("chair", "host", "initiator")
DOCUMENT_KINDS = (
    "declaration", "act", "catalogue", "action-plan", "concept-paper", "perception-paper",
    "statement", "other",
)
MEMBER_KINDS = ("state", "organisation")
# What became of an event: held; planned (announced ahead, its outcome not reported);
# postponed, moved (held later, or elsewhere) or cancelled. A plan may name its `outcome`,
# the event that fulfilled or replaced it.
EVENT_STATUSES = ("held", "planned", "postponed", "cancelled", "moved")
NAME_KINDS = ("name", "abbreviation")
PLACE_KINDS = ("city", "country", "other")
BODY_KINDS = ("organisation", "organ", "post")

# What a figure counts, from a closed list, so that two figures of the same metric and scope
# are judged as the same thing (agree, changed, conflict) and two of different scopes are
# only laid side by side. A figure's `qualifier` keeps the source's own words; its `scope`
# says which of these they mean. A wording that only restates the time ("at the first
# Summit", "today", "in 2002") is not a scope: the time goes in `as_of` and the scope is `all`.
SCOPES = {
    "all": "the whole of what the metric counts, at the figure's time (as_of): e.g. every member state then",
    "founding": "those there at the start (founding members): a count that stays true, stated at any later time",
    "participants": "those taking part in one meeting or event at the figure's time, not every one there could be",
    "signatories": "those that signed or adopted one document, at the figure's time",
}
