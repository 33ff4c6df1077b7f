"""`$text` search over a collection's text index: terms, "quoted phrases" and -negations,
case- and diacritic-insensitive like a version 3 text index, with no stemming and no stop
words (Parley's index uses default_language "none"). The score follows MongoDB's formula
(term frequency damped per repeat, weighted by the field's length) closely, not exactly."""

import re
import unicodedata

from mongomock_ng.filtering import iter_key_candidates
from sentinels import NOTHING

WORD = re.compile(r"\w+", re.UNICODE)


class TextIndexRequired(Exception):
    pass


def normalize(text):
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse(search):
    """(terms, phrases, negated terms) of a $search string."""
    phrases = [normalize(p) for p in re.findall(r'"([^"]*)"', search)]
    rest = re.sub(r'"[^"]*"', " ", search)
    terms, negated = [], []
    for raw in rest.split():
        target = negated if raw.startswith("-") else terms
        target.extend(WORD.findall(normalize(raw.lstrip("-"))))
    for phrase in phrases:
        terms.extend(WORD.findall(phrase))
    return terms, [p for p in phrases if p.strip()], negated


def _field_texts(document, fields):
    texts = []
    for field in fields:
        if field == "$**":
            texts.extend(_all_strings(document))
            continue
        for value in iter_key_candidates(field, document):
            if value is NOTHING:
                continue
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    texts.append(item)
    return texts


def _all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_strings(item)


def score(document, fields, search):
    """The document's text score, or None when it does not match `search`."""
    terms, phrases, negated = parse(search)
    texts = [normalize(t) for t in _field_texts(document, fields)]
    tokens_per_text = [WORD.findall(t) for t in texts]
    all_tokens = {token for tokens in tokens_per_text for token in tokens}
    if not terms or not any(term in all_tokens for term in terms):
        return None
    if any(term in all_tokens for term in negated):
        return None
    joined = "\n".join(texts)
    if any(phrase not in joined for phrase in phrases):
        return None
    total = 0.0
    for tokens in tokens_per_text:
        if not tokens:
            continue
        for term in set(terms):
            count = tokens.count(term)
            if count:
                frequency = sum(1 / (2 ** i) for i in range(count))
                total += frequency * (0.5 * count / len(tokens) + 0.5)
    return total
