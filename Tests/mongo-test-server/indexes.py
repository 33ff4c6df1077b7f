"""Index definitions and what the server enforces with them: unique keys (compound, sparse,
partial, collated), reported exactly as MongoDB words a duplicate key."""

import datetime
import itertools
import json

from bson import ObjectId
from mongomock_ng.filtering import filter_applies, iter_key_candidates
from sentinels import NOTHING

import collation


class DuplicateKey(Exception):
    """A write refused by a unique index; `details` are the writeError fields."""

    def __init__(self, namespace, index, key_value):
        self.index = index
        self.key_value = key_value
        pairs = ", ".join(f"{field}: {render(value)}" for field, value in key_value.items())
        self.message = f"E11000 duplicate key error collection: {namespace} index: {index.name} dup key: {{ {pairs} }}"
        super().__init__(self.message)

    def details(self):
        return {
            "code": 11000,
            "errmsg": self.message,
            "keyPattern": dict(self.index.key),
            "keyValue": dict(self.key_value),
        }


def render(value):
    """A key value the way the server prints it in a duplicate key message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, ObjectId):
        return f"ObjectId('{value}')"
    if isinstance(value, datetime.datetime):
        return f"new Date({int(value.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000)})"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, default=str)


class Index:
    """One index as given to createIndexes; `spec` is what listIndexes answers."""

    def __init__(self, spec):
        self.spec = dict(spec)
        self.name = spec["name"]
        self.key = list(spec["key"].items())
        # The _id index is unique without saying so.
        self.unique = bool(spec.get("unique", False)) or self.name == "_id_"
        self.sparse = bool(spec.get("sparse", False))
        self.partial = spec.get("partialFilterExpression")
        self.level = collation.strength(spec.get("collation"))
        self.is_text = any(kind == "text" for _, kind in self.key)

    def same_options(self, other):
        def options(index):
            return {k: v for k, v in index.spec.items() if k not in ("v", "ns", "background")}
        return options(self) == options(other)

    def text_fields(self):
        fields = [field for field, kind in self.key if kind == "text"]
        return [field for field in fields if field != "$**"] or ["$**"]

    def entries(self, document):
        """The index keys of `document` (several for an array field), or none when the index
        skips it (sparse without the fields, or outside the partial filter)."""
        if self.partial is not None and not filter_applies(self.partial, document):
            return []
        columns = []
        present = False
        for field, _ in self.key:
            values = [v for v in iter_key_candidates(field, document) if v is not NOTHING]
            flattened = []
            for value in values:
                flattened.extend(value if isinstance(value, list) and value else [value])
            if flattened:
                present = True
            columns.append(flattened or [None])
        if self.sparse and not present:
            return []
        return [tuple(row) for row in itertools.product(*columns)]

    def comparable(self, entry):
        return tuple(_canonical(collation.sort_value(value, self.level)) for value in entry)

    def check(self, namespace, document, others):
        """Raises DuplicateKey when `document` shares a unique key with one of `others`."""
        if not self.unique:
            return
        mine = {self.comparable(entry): entry for entry in self.entries(document)}
        if not mine:
            return
        for other in others:
            for entry in self.entries(other):
                if self.comparable(entry) in mine:
                    own = mine[self.comparable(entry)]
                    raise DuplicateKey(namespace, self, dict(zip([f for f, _ in self.key], own)))


def _canonical(value):
    """A hashable form in which values MongoDB considers equal are equal (1 == 1.0)."""
    if value is None:
        return ("null",)
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, (int, float)):
        return ("number", value)
    if isinstance(value, dict):
        return ("object", tuple((k, _canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("array", tuple(_canonical(v) for v in value))
    return (type(value).__name__, value)
