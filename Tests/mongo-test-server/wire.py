"""MongoDB wire protocol framing: OP_MSG (section kinds 0 and 1), the legacy OP_QUERY that
drivers use for their first handshake, and the OP_REPLY that answers it."""

import struct

import bson
from bson.codec_options import CodecOptions

OP_REPLY = 1
OP_QUERY = 2004
OP_MSG = 2013

MSG_CHECKSUM_PRESENT = 1
MSG_MORE_TO_COME = 2

HEADER = struct.Struct("<iiii")
# Documents keep BSON's int64 type (Int64) so that what is stored reads back unchanged.
CODEC = CodecOptions(tz_aware=False)


class Request:
    """One decoded request: the command document (with kind-1 sequences merged in as arrays),
    the request id to answer, and how to answer (OP_MSG or OP_REPLY)."""

    def __init__(self, request_id, op_code, command, wants_reply=True):
        self.request_id = request_id
        self.op_code = op_code
        self.command = command
        self.wants_reply = wants_reply


class ProtocolError(Exception):
    pass


def read_message(stream):
    """Reads one whole message from a file-like socket stream; None at end of stream."""
    header = _read_exactly(stream, HEADER.size)
    if header is None:
        return None
    length, request_id, _response_to, op_code = HEADER.unpack(header)
    if length < HEADER.size or length > 48_000_000:
        raise ProtocolError(f"bad message length {length}")
    body = _read_exactly(stream, length - HEADER.size)
    if body is None:
        return None
    if op_code == OP_MSG:
        return _decode_msg(request_id, body)
    if op_code == OP_QUERY:
        return _decode_query(request_id, body)
    raise ProtocolError(f"unsupported opcode {op_code}")


def _read_exactly(stream, count):
    data = b""
    while len(data) < count:
        chunk = stream.read(count - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _decode_msg(request_id, body):
    (flags,) = struct.unpack_from("<I", body, 0)
    end = len(body) - (4 if flags & MSG_CHECKSUM_PRESENT else 0)
    offset = 4
    command = None
    sequences = {}
    while offset < end:
        kind = body[offset]
        offset += 1
        if kind == 0:
            (size,) = struct.unpack_from("<i", body, offset)
            command = bson.decode(body[offset:offset + size], CODEC)
            offset += size
        elif kind == 1:
            (size,) = struct.unpack_from("<i", body, offset)
            section_end = offset + size
            name_end = body.index(b"\x00", offset + 4)
            identifier = body[offset + 4:name_end].decode()
            cursor = name_end + 1
            documents = []
            while cursor < section_end:
                (doc_size,) = struct.unpack_from("<i", body, cursor)
                documents.append(bson.decode(body[cursor:cursor + doc_size], CODEC))
                cursor += doc_size
            sequences.setdefault(identifier, []).extend(documents)
            offset = section_end
        else:
            raise ProtocolError(f"unknown OP_MSG section kind {kind}")
    if command is None:
        raise ProtocolError("OP_MSG without a kind-0 section")
    # A document sequence is the same as an array field of the command (the spec says so).
    for identifier, documents in sequences.items():
        command[identifier] = documents
    return Request(request_id, OP_MSG, command, wants_reply=not flags & MSG_MORE_TO_COME)


def _decode_query(request_id, body):
    name_end = body.index(b"\x00", 4)
    namespace = body[4:name_end].decode()
    offset = name_end + 1 + 8  # numberToSkip, numberToReturn
    (size,) = struct.unpack_from("<i", body, offset)
    query = bson.decode(body[offset:offset + size], CODEC)
    # A legacy command may be wrapped as {$query: {...}, $readPreference: ...}.
    if "$query" in query:
        query = query["$query"]
    database = namespace.split(".", 1)[0]
    if not namespace.endswith(".$cmd"):
        raise ProtocolError(f"OP_QUERY on {namespace}: only commands are supported")
    query.setdefault("$db", database)
    return Request(request_id, OP_QUERY, query)


def encode_reply(request, document, request_id):
    """The answer to `request`, in the form its opcode expects."""
    payload = bson.encode(document, codec_options=CODEC)
    if request.op_code == OP_MSG:
        body = struct.pack("<I", 0) + b"\x00" + payload
        op_code = OP_MSG
    else:
        body = struct.pack("<iqii", 0, 0, 0, 1) + payload
        op_code = OP_REPLY
    return HEADER.pack(HEADER.size + len(body), request_id, request.request_id, op_code) + body
