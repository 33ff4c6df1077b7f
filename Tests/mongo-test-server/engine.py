"""Answers one command document. Every command Parley's libmongoc engine sends is handled;
any other is refused with CommandNotFound (code 59) naming it, never a silent success."""

import datetime
import itertools
import traceback

from bson.int64 import Int64
from mongomock_ng import OperationFailure

import mongomock_fixes
import reads
import writes
from catalog import Catalog
from errors import CommandError
from indexes import DuplicateKey

MAX_WIRE_VERSION = 17  # MongoDB 6.0: new enough for libmongoc 1.2x and pymongo 4

# Fields a driver adds to any command, which say nothing about what to do here.
IGNORED_FIELDS = {"lsid", "$clusterTime", "$db", "$readPreference", "readConcern", "writeConcern", "comment",
                  "maxTimeMS", "apiVersion", "apiStrict", "apiDeprecationErrors", "bypassDocumentValidation"}


class Engine:
    def __init__(self, log=None):
        mongomock_fixes.apply()
        self.catalog = Catalog()
        self.cursors = reads.Cursors()
        self.connection_ids = itertools.count(1)
        self.log = log
        catalog, cursors = self.catalog, self.cursors
        self.handlers = {
            "hello": self.hello,
            "ismaster": self.hello,
            "ping": lambda db, c: {"ok": 1.0},
            "buildinfo": lambda db, c: {"version": "6.0.0-parley-test-server", "versionArray": [6, 0, 0, 0],
                                        "maxBsonObjectSize": 16777216, "ok": 1.0},
            "endsessions": lambda db, c: {"ok": 1.0},
            "find": lambda db, c: reads.find(catalog, cursors, db, c),
            "getmore": lambda db, c: cursors.get_more(db, c),
            "killcursors": lambda db, c: cursors.kill(db, c),
            "aggregate": lambda db, c: reads.aggregate(catalog, cursors, db, c),
            "count": lambda db, c: reads.count(catalog, db, c),
            "distinct": lambda db, c: reads.distinct(catalog, db, c),
            "insert": lambda db, c: writes.insert(catalog, db, c),
            "update": lambda db, c: writes.update(catalog, db, c),
            "delete": lambda db, c: writes.delete(catalog, db, c),
            "findandmodify": lambda db, c: writes.find_and_modify(catalog, db, c),
            "createindexes": self.create_indexes,
            "listindexes": self.list_indexes,
            "dropindexes": self.drop_indexes,
            "create": self.create,
            "drop": self.drop,
            "dropdatabase": self.drop_database,
            "listcollections": self.list_collections,
            "listdatabases": self.list_databases,
        }

    def handle(self, command):
        """The reply document for `command` (never raises)."""
        if not command:
            return CommandError(59, "CommandNotFound", "empty command").reply()
        name = next(iter(command))
        db = command.get("$db", "admin")
        try:
            if "startTransaction" in command or "txnNumber" in command and "autocommit" in command:
                raise CommandError(20, "IllegalOperation", "transactions are not supported by the Parley test server")
            handler = self.handlers.get(name.lower())
            if handler is None:
                raise CommandError(59, "CommandNotFound", f"no such command: '{name}' (not supported by the Parley test server)")
            return handler(db, command)
        except CommandError as error:
            return error.reply()
        except DuplicateKey as error:
            return {"ok": 0.0, "codeName": "DuplicateKey", **error.details()}
        except OperationFailure as error:
            return {"ok": 0.0, "errmsg": f"{name}: {error}", "code": error.code or 2, "codeName": "BadValue"}
        except NotImplementedError as error:
            return {"ok": 0.0, "errmsg": f"{name}: not supported by the Parley test server: {error}", "code": 238,
                    "codeName": "NotImplemented"}
        except Exception as error:  # a bug here must reach the client as an error, not a hang
            if self.log:
                self.log(traceback.format_exc())
            return {"ok": 0.0, "errmsg": f"{name}: internal error in the Parley test server: {error!r}", "code": 1,
                    "codeName": "InternalError"}

    def hello(self, db, command):
        reply = {
            "isWritablePrimary": True, "ismaster": True, "maxBsonObjectSize": 16 * 1024 * 1024,
            "maxMessageSizeBytes": 48_000_000, "maxWriteBatchSize": 100_000,
            "localTime": datetime.datetime.now(datetime.timezone.utc), "logicalSessionTimeoutMinutes": 30,
            "connectionId": next(self.connection_ids), "minWireVersion": 0, "maxWireVersion": MAX_WIRE_VERSION,
            "readOnly": False, "ok": 1.0,
        }
        if command.get("helloOk"):
            reply["helloOk"] = True
        return reply

    def create_indexes(self, db, command):
        name = command["createIndexes"]
        created_collection = not self.catalog.exists(db, name)
        before = len(self.catalog.indexes.get((db, name), {})) or 1
        notes = []
        for spec in command.get("indexes", []):
            if not self.catalog.create_index(db, name, spec):
                notes.append("all indexes already exist")
        reply = {"createdCollectionAutomatically": created_collection, "numIndexesBefore": before,
                 "numIndexesAfter": len(self.catalog.indexes[(db, name)]), "ok": 1.0}
        if notes and len(notes) == len(command.get("indexes", [])):
            reply["note"] = "all indexes already exist"
        return reply

    def list_indexes(self, db, command):
        name = command["listIndexes"]
        if not self.catalog.exists(db, name):
            raise CommandError(26, "NamespaceNotFound", f"ns does not exist: {db}.{name}")
        specs = [dict(index.spec) for index in self.catalog.indexes[(db, name)].values()]
        batch_size = (command.get("cursor") or {}).get("batchSize")
        return self.cursors.first_batch(f"{db}.{name}", specs, batch_size, False)

    def drop_indexes(self, db, command):
        name = command["dropIndexes"]
        before = len(self.catalog.indexes.get((db, name), {}))
        self.catalog.drop_index(db, name, command.get("index"))
        return {"nIndexesWas": before, "ok": 1.0}

    def create(self, db, command):
        name = command["create"]
        if self.catalog.exists(db, name):
            raise CommandError(48, "NamespaceExists", f"Collection {db}.{name} already exists.")
        self.catalog.ensure(db, name)
        return {"ok": 1.0}

    def drop(self, db, command):
        name = command["drop"]
        if not self.catalog.drop_collection(db, name):
            raise CommandError(26, "NamespaceNotFound", "ns not found")
        return {"ns": f"{db}.{name}", "ok": 1.0}

    def drop_database(self, db, command):
        self.catalog.drop_database(db)
        return {"dropped": db, "ok": 1.0}

    def list_collections(self, db, command):
        names = self.catalog.collection_names(db)
        query = command.get("filter") or {}
        if "name" in query:
            names = [n for n in names if n == query["name"]]
        specs = [{"name": n, "type": "collection", "options": {}, "info": {"readOnly": False}} for n in names]
        if command.get("nameOnly"):
            specs = [{"name": n, "type": "collection"} for n in names]
        return self.cursors.first_batch(f"{db}.$cmd.listCollections", specs, None, False)

    def list_databases(self, db, command):
        databases = [{"name": n, "sizeOnDisk": Int64(0), "empty": False} for n in self.catalog.database_names()]
        return {"databases": databases, "totalSize": Int64(0), "ok": 1.0}
