"""A body named both ways English names one ('Justice Department', 'Department of Justice')."""

# Heads of government bodies, which English names either way ('Justice Department', 'Department of Justice'); a
# university or bank named after a place is another body when inverted ('Lima University', 'University of Lima').
GOVERNMENT_HEADS = frozenset({"department", "ministry", "office", "bureau", "agency"})


def inverted_bodies(full: dict[str, int], key_of_id) -> dict[str, str]:
    """Ids of names -> for a government body named both as '<field> <head>' and '<head> of [the] <field>' ('Justice
    Department', 'Department of Justice'; 'Treasury Department', 'Department of the Treasury'), each form's id -> the
    id of the more mentioned one."""
    keys = {key_of_id(i): i for i in full}
    merged = {}
    for key, name_id in keys.items():
        *field, head = key
        if not field or head not in GOVERNMENT_HEADS or "of" in field:
            continue
        other = keys.get((head, "of", *field)) or keys.get((head, "of", "the", *field))
        if other and other != name_id:
            top = min((name_id, other), key=lambda i: (-full[i], i))
            merged[name_id] = merged[other] = top
    return merged
