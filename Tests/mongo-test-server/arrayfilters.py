"""`arrayFilters`: rewrites an update whose paths hold `$[identifier]` (or `$[]`) into one
with concrete array indexes for a given document, which the update engine then applies."""

import re

from mongomock_ng.filtering import filter_applies

PLACEHOLDER = re.compile(r"\.\$\[([A-Za-z0-9_]*)\]")


def _filters_by_identifier(array_filters):
    by_identifier = {}
    for condition in array_filters or []:
        for key, value in condition.items():
            identifier, _, rest = key.partition(".")
            by_identifier.setdefault(identifier, []).append((rest, value))
    return by_identifier


def _element_matches(element, conditions):
    for rest, value in conditions:
        if rest:
            if not isinstance(element, dict) or not filter_applies({rest: value}, element):
                return False
        elif not filter_applies({"v": value}, {"v": element}):
            return False
    return True


def _get(document, dotted):
    value = document
    for part in dotted.split(".") if dotted else []:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def _expand(path, document, filters):
    match = PLACEHOLDER.search(path)
    if not match:
        return [path]
    prefix, identifier, rest = path[:match.start()], match.group(1), path[match.end():]
    array = _get(document, prefix)
    if not isinstance(array, list):
        return []
    paths = []
    for index, element in enumerate(array):
        if identifier and not _element_matches(element, filters.get(identifier, [])):
            continue
        paths.extend(_expand(f"{prefix}.{index}{rest}", document, filters))
    return paths


def uses_placeholders(update):
    return any(
        isinstance(fields, dict) and any(PLACEHOLDER.search(path) for path in fields)
        for fields in update.values())


def concrete_update(update, document, array_filters):
    """`update` with every placeholder path replaced by the matching indexes of `document`;
    operators left with no path are dropped."""
    filters = _filters_by_identifier(array_filters)
    result = {}
    for operator, fields in update.items():
        if not isinstance(fields, dict):
            result[operator] = fields
            continue
        expanded = {}
        for path, value in fields.items():
            for concrete in _expand(path, document, filters):
                expanded[concrete] = value
        if expanded:
            result[operator] = expanded
    return result
