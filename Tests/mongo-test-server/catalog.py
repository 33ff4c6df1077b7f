"""The databases: documents live in mongomock collections (its query, update and
aggregation engine); the indexes, which this server enforces itself, live here."""

import copy

import mongomock_ng

from indexes import DuplicateKey, Index
from errors import CommandError

ID_INDEX = {"v": 2, "key": {"_id": 1}, "name": "_id_"}


class Catalog:
    def __init__(self):
        self.client = mongomock_ng.MongoClient()
        # (database, collection) → {index name: Index}; a key here means the collection exists.
        self.indexes = {}

    def exists(self, db, name):
        return (db, name) in self.indexes

    def ensure(self, db, name):
        """The collection, created (with its _id index) on first use, as MongoDB does on a write."""
        if (db, name) not in self.indexes:
            self.indexes[(db, name)] = {"_id_": Index(ID_INDEX)}
        return self.client[db][name]

    def collection(self, db, name):
        return self.client[db][name]

    def documents(self, db, name):
        """The stored documents themselves, in insertion order; callers must not change them."""
        if not self.exists(db, name):
            return []
        return list(self.client[db][name]._store.documents)

    def stored(self, db, name, document_id):
        return self.client[db][name]._store[document_id]

    def unique_indexes(self, db, name):
        return [index for index in self.indexes.get((db, name), {}).values() if index.unique]

    def text_index(self, db, name):
        for index in self.indexes.get((db, name), {}).values():
            if index.is_text:
                return index
        return None

    def check_unique(self, db, name, document, exclude_id):
        """Raises DuplicateKey if `document` (stored or about to be) clashes with another."""
        indexes = self.unique_indexes(db, name)
        if not indexes:
            return
        if exclude_id is None and document.get("_id") in self.client[db][name]._store:
            raise DuplicateKey(f"{db}.{name}", self.indexes[(db, name)]["_id_"], {"_id": document["_id"]})
        others = [d for d in self.documents(db, name) if d.get("_id") != exclude_id]
        for index in indexes:
            if index.name == "_id_":
                continue
            index.check(f"{db}.{name}", document, others)

    def create_index(self, db, name, spec):
        """Creates one index; answers whether it was new. Conflicts are answered like MongoDB."""
        self.ensure(db, name)
        existing = self.indexes[(db, name)]
        index = Index({"v": 2, **spec})
        if index.name in existing:
            if existing[index.name].same_options(index):
                return False
            raise CommandError(
                86, "IndexKeySpecsConflict",
                f"An existing index has the same name as the requested index. Requested index: {spec}, "
                f"existing index: {existing[index.name].spec}")
        for other in existing.values():
            if other.key == index.key and other.spec.get("collation") == index.spec.get("collation"):
                raise CommandError(
                    85, "IndexOptionsConflict",
                    f"Index already exists with a different name: {other.name}")
        if index.is_text and self.text_index(db, name) is not None:
            raise CommandError(85, "IndexOptionsConflict", "An equivalent text index already exists")
        documents = self.documents(db, name)
        for position, document in enumerate(documents):
            index.check(f"{db}.{name}", document, documents[position + 1:])
        existing[index.name] = index
        return True

    def drop_index(self, db, name, index_name):
        existing = self.indexes.get((db, name))
        if existing is None:
            raise CommandError(26, "NamespaceNotFound", f"ns not found {db}.{name}")
        if index_name == "*":
            for key in [k for k in existing if k != "_id_"]:
                del existing[key]
            return
        if index_name == "_id_":
            raise CommandError(72, "InvalidOptions", "cannot drop _id index")
        if index_name not in existing:
            raise CommandError(27, "IndexNotFound", f"index not found with name [{index_name}]")
        del existing[index_name]

    def drop_collection(self, db, name):
        self.client[db].drop_collection(name)
        return self.indexes.pop((db, name), None) is not None

    def drop_database(self, db):
        self.client.drop_database(db)
        for key in [k for k in self.indexes if k[0] == db]:
            del self.indexes[key]

    def collection_names(self, db):
        return sorted(name for (database, name) in self.indexes if database == db)

    def database_names(self):
        return sorted({db for (db, _) in self.indexes})

    @staticmethod
    def copy(document):
        return copy.deepcopy(document)
