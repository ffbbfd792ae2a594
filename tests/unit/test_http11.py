"""The feed HTTP client against real servers on 127.0.0.1: framing, encodings, reuse, TLS, proxies.

Scripted servers (asyncio, raw bytes) give answers no well-behaved framework would send.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import ssl
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tui_reader.sources.http11 import BodyTooLarge, Client, HTTPError, tls_context

BODY = b"<rss version='2.0'><channel><title>x</title></channel></rss>" * 20


def client(**overrides: object) -> Client:
    options: dict = {"connect_timeout": 2, "read_timeout": 1, "max_bytes": 100_000, "max_redirects": 3}
    return Client({"User-Agent": "test"}, **{**options, **overrides})


def get(url: str, headers: dict[str, str] | None = None, **overrides: object):
    async def run():
        async with client(**overrides) as http:
            return await http.get(url, headers)

    return asyncio.run(run())


Script = Callable[[int, bytes], bytes | None]
"""(connection number, request bytes) → raw answer; None closes the connection, as
does an answer saying `Connection: close` or HTTP/1.0, once it is written."""


async def _scripted(script: Script, requests: list[bytes], gets: Callable[[str], object]) -> object:
    connections = 0

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        number = connections
        try:
            while True:
                request = await reader.readuntil(b"\r\n\r\n")
                requests.append(request)
                answer = script(number, request)
                if answer is None:
                    break
                writer.write(answer)
                await writer.drain()
                if b"Connection: close" in answer or answer.startswith(b"HTTP/1.0"):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        return await gets(f"http://127.0.0.1:{port}")
    finally:
        server.close()


def scripted(script: Script, paths: list[str], **overrides: object) -> tuple[list, list[bytes]]:
    requests: list[bytes] = []

    async def gets(base: str) -> list:
        out = []
        async with client(**overrides) as http:
            for path in paths:
                try:
                    out.append(await http.get(base + path))
                except HTTPError as exc:
                    out.append(exc)
        return out

    return asyncio.run(_scripted(script, requests, gets)), requests


def test_chunked_body_with_extensions_and_trailers():
    answer = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
              b"5;name=x\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n")
    (response,), _ = scripted(lambda n, r: answer, ["/"])
    assert (response.status, response.body) == (200, b"hello world")


def test_keep_alive_connection_is_reused_and_a_dropped_one_retried_once():
    """The server answers once per connection and then closes it silently (as idle
    timeouts do): the second GET finds the kept connection dead and retries."""
    answers = {1: 0, 2: 0}

    def script(number: int, request: bytes) -> bytes | None:
        answers[number] = answers.get(number, 0) + 1
        if answers[number] > 1:
            return None
        return b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"

    (first, second), requests = scripted(script, ["/a", "/b"])
    assert first.body == second.body == b"ok"
    assert len(requests) == 3 and requests[1].startswith(b"GET /b") and requests[2].startswith(b"GET /b")


def test_reuse_on_a_live_connection():
    (first, second), requests = scripted(lambda n, r: b"HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n" if n == 1 else None,
                                         ["/a", "/b"])
    assert (first.status, second.status, first.headers["etag"]) == (304, 304, '"x"')


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (b"SSH-2.0-OpenSSH\r\n\r\n", "not an HTTP/1.x answer"),
        (b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed header"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\nshort", None),
        (b"HTTP/1.1 200 OK\r\nContent-Length: nope\r\n\r\n", "bad Content-Length"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "malformed chunk size"),
        (b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 1\r\n\r\nx", "unsupported encoding"),
        (b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 5\r\n\r\nnot-z", "could not be decompressed"),
    ],
    ids=["not-http", "header", "cut-short", "bad-length", "bad-chunk", "brotli", "bad-gzip"],
)
def test_broken_answers_are_one_clear_error(answer: bytes, message: str | None):
    (result,), _ = scripted(lambda n, r: answer if n == 1 else None, ["/"])
    assert isinstance(result, HTTPError), result
    assert (message or "body cut short") in str(result)


def test_oversized_headers_and_silence():
    (result,), _ = scripted(lambda n, r: b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70_000 + b"\r\n\r\n", ["/"])
    assert "headers over 64 KB" in str(result)

    def silent(number: int, request: bytes) -> bytes:
        return b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nstart"

    (result,), _ = scripted(silent, ["/"], read_timeout=0.3)
    assert str(result) == "server went silent for 0.3 s"


def test_body_until_close_http10_and_deflate_in_both_forms():
    answers = [
        b"HTTP/1.0 200 OK\r\n\r\n" + BODY,
        b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nConnection: close\r\n\r\n" + zlib.compress(BODY),
        b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\nConnection: close\r\n\r\n" + zlib.compress(BODY)[2:-4],
    ]
    results, _ = scripted(lambda n, r: answers[n - 1] if n <= 3 else None, ["/a", "/b", "/c"])
    assert [r.body for r in results] == [BODY] * 3


def test_gzip_bomb_stops_at_the_cap_after_decompression(httpserver: HTTPServer):
    bomb = gzip.compress(b"\0" * 5_000_000)
    httpserver.expect_request("/bomb").respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(BodyTooLarge):
        get(httpserver.url_for("/bomb"))
    assert len(bomb) < 100_000  # it was the decompressed size that counted


def test_validators_from_servers_cannot_inject_headers(httpserver: HTTPServer):
    httpserver.expect_request("/x").respond_with_data("ok")
    get(httpserver.url_for("/x"), {"If-None-Match": '"a"\r\nX-Injected: 1', "If-Modified-Since": "Mon"})
    request, _ = httpserver.log[0]
    assert "X-Injected" not in request.headers and "If-None-Match" not in request.headers
    assert request.headers["If-Modified-Since"] == "Mon"


def test_urls_are_encoded_and_userinfo_becomes_basic_auth(httpserver: HTTPServer):
    httpserver.expect_request("/a b/ü").respond_with_data("ok")
    url = httpserver.url_for("/a b/ü").replace("http://", "http://me:s%40cret@") + "?q=1 2"
    assert get(url).status == 200
    request, _ = httpserver.log[0]
    assert request.headers["Authorization"] == "Basic bWU6c0BjcmV0"  # me:s@cret
    assert request.args["q"] == "1 2"


@pytest.mark.parametrize("url", ["ftp://example.com/feed", "http:///nohost", "http://exa mple.com/", "http://h:99999/"])
def test_unusable_urls(url: str):
    with pytest.raises(HTTPError, match="not a usable URL"):
        get(url)


def test_redirect_to_another_scheme_is_refused(httpserver: HTTPServer):
    httpserver.expect_request("/r").respond_with_data("", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(HTTPError, match="not a usable URL"):
        get(httpserver.url_for("/r"))


def test_http_proxy_from_the_environment_gets_absolute_urls(httpserver: HTTPServer, monkeypatch):
    def as_proxy(request: Request) -> Response:
        return Response("via proxy " + request.url)

    httpserver.expect_request("/feed").respond_with_handler(as_proxy)
    monkeypatch.setenv("http_proxy", httpserver.url_for("/").rstrip("/"))
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    response = get("http://feeds.invalid/feed")
    assert response.body == b"via proxy http://feeds.invalid/feed"
    monkeypatch.setenv("no_proxy", "feeds.invalid")
    with pytest.raises(HTTPError, match="could not connect"):
        get("http://feeds.invalid/feed")


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1 it signed."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress

    now = dt.datetime.now(dt.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(ca_key, hashes.SHA256()))
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


def test_https_is_verified(tmp_path: Path, monkeypatch):
    ca, cert, key = _certificates(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.expect_request("/feed").respond_with_data(BODY)
    server.start()
    try:
        tls_context.cache_clear()
        with pytest.raises(HTTPError, match="could not connect: .*certificate"):
            get(server.url_for("/feed"))  # certifi does not know the test CA
        monkeypatch.setenv("SSL_CERT_FILE", str(ca))
        tls_context.cache_clear()
        assert get(server.url_for("/feed")).body == BODY
    finally:
        tls_context.cache_clear()
        server.stop()
