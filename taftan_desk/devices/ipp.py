"""Just enough IPP (RFC 8010) to ask the local CUPS scheduler about its queues and jobs.

`lpstat` prints for people, in the locale's words, and cannot tell a cancelled job from a
completed one; IPP answers with states and timestamps. Only reads go through here: jobs are
sent with `lp` and cancelled with `cancel`, which know how to authenticate.
"""

import getpass
import http.client
import os
import socket
import struct
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT_S = 3.0

# operations
GET_JOBS, GET_JOB_ATTRIBUTES, GET_PRINTER_ATTRIBUTES, CUPS_GET_PRINTERS = 0x0A, 0x09, 0x0B, 0x4002
# status codes
OK_MAX, NOT_FOUND = 0x00FF, 0x0406
# delimiter and value tags
_OPERATION, JOB_GROUP, _END, PRINTER_GROUP = 0x01, 0x02, 0x03, 0x04
_INTEGER, _BOOLEAN, _ENUM = 0x21, 0x22, 0x23
_TEXT_LANG, _NAME_LANG = 0x35, 0x36
_TEXT, _NAME, _KEYWORD, _URI, _CHARSET, _LANGUAGE = 0x41, 0x42, 0x44, 0x45, 0x47, 0x48
_BEGIN_COLLECTION, _END_COLLECTION, _MEMBER = 0x34, 0x37, 0x4A


class Unreachable(OSError):
    """The scheduler did not answer (not running, wrong address, or too slow)."""


@dataclass
class Response:
    status: int
    groups: list[tuple[int, dict[str, list[object]]]] = field(default_factory=list)

    def group(self, tag: int) -> dict[str, list[object]]:
        return next((attrs for t, attrs in self.groups if t == tag), {})

    def all(self, tag: int) -> list[dict[str, list[object]]]:
        return [attrs for t, attrs in self.groups if t == tag]


def server() -> str:
    """Where the clients (lp, lpstat) find the scheduler: a socket path or host[:port]."""
    named = os.environ.get("CUPS_SERVER") or _client_conf()
    if named:
        return named.split("/version=")[0]
    for path in ("/run/cups/cups.sock", "/var/run/cups/cups.sock"):
        if Path(path).exists():
            return path
    return "localhost"


def _client_conf() -> str | None:
    for conf in (Path.home() / ".cups" / "client.conf", Path("/etc/cups/client.conf")):
        try:
            lines = conf.read_text(errors="replace").splitlines()
        except OSError:
            continue
        for line in lines:
            key, _, value = line.strip().partition(" ")
            if key.lower() == "servername" and value.strip():
                return value.strip()
    return None


class _UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self._path)


def request(operation: int, attributes: list[tuple[int, str, object]], path: str = "/") -> Response:
    """One IPP request to the scheduler; attributes are (tag, name, value or list of values)."""
    body = _encode(operation, attributes)
    where = server()
    if where.startswith("/"):
        conn: http.client.HTTPConnection = _UnixConnection(where, TIMEOUT_S)
    else:
        host, _, port = where.partition(":")
        conn = http.client.HTTPConnection(host, int(port or os.environ.get("IPP_PORT", 631)))
        conn.timeout = TIMEOUT_S
    try:
        conn.request("POST", path, body, {"Content-Type": "application/ipp"})
        reply = conn.getresponse()
        data = reply.read()
    except (OSError, http.client.HTTPException) as exc:
        raise Unreachable(f"the print service at {where} does not answer ({exc})") from exc
    finally:
        conn.close()
    if reply.status != 200:
        raise Unreachable(f"the print service at {where} answered HTTP {reply.status}")
    return _decode(data)


def printer_uri(queue: str) -> str:
    return f"ipp://localhost/printers/{queue}"


def base_attributes(queue: str | None = None) -> list[tuple[int, str, object]]:
    attrs: list[tuple[int, str, object]] = [
        (_CHARSET, "attributes-charset", "utf-8"),
        (_LANGUAGE, "attributes-natural-language", "en"),
    ]
    if queue is not None:
        attrs.append((_URI, "printer-uri", printer_uri(queue)))
    attrs.append((_NAME, "requesting-user-name", _user()))
    return attrs


def integer(name: str, value: int) -> tuple[int, str, object]:
    return (_INTEGER, name, value)


def keywords(name: str, *values: str) -> tuple[int, str, object]:
    return (_KEYWORD, name, list(values))


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "anonymous"


def _encode(operation: int, attributes: list[tuple[int, str, object]]) -> bytes:
    out = bytearray(struct.pack(">BBHI", 2, 0, operation, 1))
    out.append(_OPERATION)
    for tag, name, value in attributes:
        values = value if isinstance(value, list) else [value]
        for i, one in enumerate(values):
            raw = struct.pack(">i", one) if isinstance(one, int) else str(one).encode()
            label = name.encode() if i == 0 else b""
            out += struct.pack(">BH", tag, len(label)) + label + struct.pack(">H", len(raw)) + raw
    out.append(_END)
    return bytes(out)


def _decode(data: bytes) -> Response:
    if len(data) < 8:
        raise Unreachable("the print service sent a short answer")
    status = struct.unpack(">H", data[2:4])[0]
    response = Response(status)
    at, current, name, depth = 8, None, "", 0
    while at < len(data):
        tag = data[at]
        at += 1
        if tag == _END:
            break
        if tag < 0x10:  # a new group of attributes
            current = {}
            response.groups.append((tag, current))
            continue
        (length,) = struct.unpack(">H", data[at : at + 2])
        label = data[at + 2 : at + 2 + length].decode(errors="replace")
        at += 2 + length
        (length,) = struct.unpack(">H", data[at : at + 2])
        raw = data[at + 2 : at + 2 + length]
        at += 2 + length
        if tag == _BEGIN_COLLECTION:
            depth += 1
        elif tag == _END_COLLECTION:
            depth -= 1
        if depth or tag in (_END_COLLECTION, _MEMBER) or current is None:
            continue  # members of collections are not needed here
        if label:
            name = label
        current.setdefault(name, []).append(_value(tag, raw))
    return response


def _value(tag: int, raw: bytes) -> object:
    if tag in (_INTEGER, _ENUM) and len(raw) == 4:
        return struct.unpack(">i", raw)[0]
    if tag == _BOOLEAN and len(raw) == 1:
        return raw != b"\x00"
    if tag in (_TEXT_LANG, _NAME_LANG) and len(raw) >= 4:
        (skip,) = struct.unpack(">H", raw[:2])
        raw = raw[4 + skip :]
    if 0x40 <= tag <= 0x5F or tag in (_TEXT_LANG, _NAME_LANG):
        return raw.decode(errors="replace")
    if tag in (0x10, 0x12, 0x13):  # unsupported, unknown, no-value
        return None
    return raw
