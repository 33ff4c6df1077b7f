"""Collation, as far as Parley uses it: strength 1 or 2 (case-insensitive, strength 1 also
accent-insensitive) for equality, `$in`, sorting and unique index keys. Ordering follows
Python's Unicode case folding, not ICU's tables, so only equality is exact."""

import re
import unicodedata


def strength(collation):
    """The collation's strength, or None when comparisons are binary (no collation, or
    strength 3 and above, which tell case apart)."""
    if not collation:
        return None
    level = int(collation.get("strength", 3))
    return level if level <= 2 else None


def fold(text, level):
    """The comparison key of a string under the collation strength `level`."""
    folded = text.casefold()
    if level == 1:
        folded = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", folded)


def _pattern(text, level):
    # Queries fold case only: strength 1's accent folding applies to index keys and sorting,
    # not to query equality (Parley uses strength 2).
    del level
    return re.compile("^" + re.escape(text) + "$", re.IGNORECASE)


def collate_filter(query, level):
    """`query` with its string equalities made case-insensitive for strength `level`."""
    if level is None or not isinstance(query, dict):
        return query
    result = {}
    for key, value in query.items():
        if key in ("$and", "$or", "$nor"):
            result[key] = [collate_filter(clause, level) for clause in value]
        elif isinstance(value, str):
            result[key] = _pattern(value, level)
        elif isinstance(value, dict) and value and all(k.startswith("$") for k in value):
            result[key] = _collate_operators(value, level)
        else:
            result[key] = value
    return result


def _collate_operators(operators, level):
    result = {}
    for op, operand in operators.items():
        if op == "$eq" and isinstance(operand, str):
            result["$in"] = [_pattern(operand, level)]
        elif op == "$ne" and isinstance(operand, str):
            result["$nin"] = [_pattern(operand, level)]
        elif op in ("$in", "$nin") and isinstance(operand, list):
            result[op] = [_pattern(v, level) if isinstance(v, str) else v for v in operand]
        else:
            result[op] = operand
    return result


def sort_value(value, level):
    """A sort key value under the collation: strings folded, everything else as it is."""
    if level is not None and isinstance(value, str):
        return fold(value, level)
    return value
