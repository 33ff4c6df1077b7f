"""GridFS as a driver's bucket uses it (the commands libmongoc's mongoc_gridfs_bucket_* send
for Parley's uploads): the index check and createIndexes on an empty bucket, chunked inserts
of binary data, look-up by name sorted by uploadDate, chunk reads by files_id and n range,
deletes, and the $group over fs.files lengths that the admin statistics run."""

import os

import gridfs
import pytest


def test_bucket_round_trip_with_indexes_ranges_and_delete(db):
    bucket = gridfs.GridFSBucket(db)
    data = os.urandom(600 * 1024 + 17)  # three chunks of 255 KiB, the last one short
    file_id = bucket.upload_from_stream("files/report.pdf", data)

    indexes = {tuple(index["key"].items()) for index in db["fs.chunks"].list_indexes()}
    assert (("files_id", 1), ("n", 1)) in indexes
    unique = [index for index in db["fs.chunks"].list_indexes() if index["name"] != "_id_"]
    assert unique and unique[0].get("unique") is True
    assert (("filename", 1), ("uploadDate", 1)) in {tuple(i["key"].items()) for i in db["fs.files"].list_indexes()}

    stored = db["fs.files"].find_one({"filename": "files/report.pdf"})
    assert stored["length"] == len(data) and stored["chunkSize"] == 255 * 1024
    assert bucket.open_download_stream_by_name("files/report.pdf").read() == data

    # A byte range reads only the chunks it covers, in order (what Parley's server does).
    chunks = list(db["fs.chunks"].find({"files_id": file_id, "n": {"$gte": 1, "$lt": 3}}, sort=[("n", 1)]))
    assert [chunk["n"] for chunk in chunks] == [1, 2]
    assert b"".join(bytes(chunk["data"]) for chunk in chunks) == data[255 * 1024:]

    bucket.delete(file_id)
    assert db["fs.files"].count_documents({}) == 0
    assert db["fs.chunks"].count_documents({"files_id": file_id}) == 0
    with pytest.raises(gridfs.errors.NoFile):
        bucket.open_download_stream_by_name("files/report.pdf")


def test_newest_version_wins_and_totals_group_over_lengths(db):
    bucket = gridfs.GridFSBucket(db)
    bucket.upload_from_stream("images/a.png", b"old")
    bucket.upload_from_stream("images/a.png", b"newer")
    bucket.upload_from_stream("images/b.png", b"")
    assert bucket.open_download_stream_by_name("images/a.png").read() == b"newer"
    newest = list(db["fs.files"].find({"filename": "images/a.png"}, sort=[("uploadDate", -1)], limit=1))
    assert newest[0]["length"] == 5
    totals = list(db["fs.files"].aggregate([{"$group": {"_id": None, "files": {"$sum": 1}, "bytes": {"$sum": "$length"}}}]))
    assert totals[0]["files"] == 3 and totals[0]["bytes"] == 8


def test_chunk_index_refuses_a_second_chunk_with_the_same_number(db):
    bucket = gridfs.GridFSBucket(db)
    file_id = bucket.upload_from_stream("files/x.bin", b"x")
    from pymongo.errors import DuplicateKeyError

    with pytest.raises(DuplicateKeyError):
        db["fs.chunks"].insert_one({"files_id": file_id, "n": 0, "data": b"y"})
