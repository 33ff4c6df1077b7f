"""Corrections to mongomock where it departs from MongoDB in ways Parley relies on. Imported
once by the engine before any command runs."""

import operator
import re
from collections.abc import MutableMapping

from mongomock_ng import aggregate as mongomock_aggregate
from mongomock_ng import OperationFailure, WriteError
from mongomock_ng import collection as mongomock_collection
from mongomock_ng.filtering import bson_compare
from sentinels import NOTHING


def _compare_updater(keep_new_when):
    """$max / $min across BSON types (MongoDB orders null before dates; Python cannot compare
    them, so mongomock's plain max() fails on a field that holds null)."""

    def updater(doc, field_name, value, codec_options=None):
        if not isinstance(doc, MutableMapping):
            return
        if field_name not in doc or bson_compare(keep_new_when, value, doc[field_name]):
            doc[field_name] = value

    return updater


def _inc_updater(original):
    """$inc on a field that is not a number: MongoDB refuses the write (TypeMismatch, code 14);
    mongomock fails with a Python TypeError, which would look like a bug of this server."""

    def updater(doc, field_name, value, codec_options=None):
        if isinstance(doc, MutableMapping) and field_name in doc:
            current = doc[field_name]
            if isinstance(current, bool) or not isinstance(current, (int, float)):
                raise WriteError(
                    f"Cannot apply $inc to a value of non-numeric type. {{_id: {doc.get('_id')!r}}} has the field "
                    f"'{field_name}' of non-numeric type {type(current).__name__}", code=14)
        original(doc, field_name, value, codec_options=codec_options)

    return updater


def _boolean_operator(original):
    """`{$not: [expression]}`: MongoDB takes the one-element argument list; mongomock negates
    the list itself, which is always truthy."""

    def handler(parser, operator_name, values):
        if operator_name == "$not" and isinstance(values, list) and len(values) == 1:
            values = values[0]
        return original(parser, operator_name, values)

    return handler


def _string_operator(original):
    """`$strLenCP` (mongomock lists it but does not implement it) and `$regexFindAll`, which
    message search ranks by. Python's `re` on str is Unicode-aware like MongoDB's PCRE in UTF
    mode, and Parley's patterns are escaped literals, where the two syntaxes agree."""

    def handler(parser, operator_name, values):
        if operator_name == "$strLenCP":
            value = parser.parse(values[0] if isinstance(values, list) and len(values) == 1 else values)
            if not isinstance(value, str):
                raise OperationFailure("$strLenCP requires a string argument", code=34471)
            return len(value)
        if operator_name == "$regexFindAll":
            if not isinstance(values, dict) or not {"input", "regex"} <= set(values):
                raise OperationFailure("$regexFindAll requires 'input' and 'regex' parameters", code=51103)
            value = parser.parse(values["input"])
            if value is None or value is NOTHING:
                return []
            if not isinstance(value, str):
                raise OperationFailure("$regexFindAll needs 'input' to be of type string", code=51104)
            flags = 0
            for option in values.get("options", ""):
                if option not in "imxs":
                    raise OperationFailure(f"$regexFindAll invalid flag in regex options: {option}", code=51108)
                flags |= getattr(re, option.upper())
            pattern = re.compile(parser.parse(values["regex"]), flags)
            return [
                {"match": found.group(0), "idx": found.start(), "captures": list(found.groups())}
                for found in pattern.finditer(value)
            ]
        return original(parser, operator_name, values)

    return handler


def apply():
    parser = mongomock_aggregate._Parser
    if not getattr(parser, "_parley_fixed", False):
        parser._handle_boolean_operator = _boolean_operator(parser._handle_boolean_operator)
        parser._handle_string_operator = _string_operator(parser._handle_string_operator)
        if "$regexFindAll" not in mongomock_aggregate.string_operators:
            mongomock_aggregate.string_operators.append("$regexFindAll")
        parser._parley_fixed = True
    mongomock_collection._updaters["$max"] = _compare_updater(operator.gt)
    mongomock_collection._updaters["$min"] = _compare_updater(operator.lt)
    if not getattr(mongomock_collection._updaters["$inc"], "_parley_fixed", False):
        mongomock_collection._updaters["$inc"] = _inc_updater(mongomock_collection._updaters["$inc"])
        mongomock_collection._updaters["$inc"]._parley_fixed = True
