"""Starts one server for the test session on a free loopback port."""

import os
import subprocess
import sys

import pytest
from pymongo import MongoClient

HERE = os.path.dirname(os.path.abspath(__file__))


@pytest.fixture(scope="session")
def server_port():
    process = subprocess.Popen([sys.executable, os.path.join(HERE, "server.py")], stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("listening on 127.0.0.1:"), line
        yield int(line.rsplit(":", 1)[1])
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def db(server_port, request):
    client = MongoClient(f"mongodb://127.0.0.1:{server_port}/", serverSelectionTimeoutMS=5000)
    name = "test_" + request.node.name.replace("[", "_").replace("]", "")[:40]
    client.drop_database(name)
    yield client[name]
    client.drop_database(name)
    client.close()
