"""Bytes to text: BOMs, UTF-16, cp1252/Latin-1 detection, binary refusal."""
from __future__ import annotations

import codecs

from ..errors import E, NewsgraphError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text (tab, LF, FF, CR, ESC excluded).
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 27)) | set(range(28, 32))


def _looks_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


_WESTERN_EXTRA = set("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u2022\u00a0\u00ab\u00bb\u00b0\u00a3\u00a9")


def _as_western(data: bytes) -> str | None:
    """cp1252 when it decodes cleanly and every non-ASCII character is a Latin letter
    or typographic punctuation: the usual case for Western news, where a statistical
    detector on a short text can pick a Baltic or Cyrillic code page instead."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    good = sum(1 for ch in high if ch in _WESTERN_EXTRA or ("\u00c0" <= ch <= "\u00ff" and ch not in "\u00d7\u00f7"))
    return text if high and good / len(high) >= 0.9 else None


def refuse_binary_text(text: str) -> str:
    """Raise E002 when a text (decoded, or from a JSON string) is mostly control
    characters or replacement marks; else return it."""
    return _textual(text)


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


def _mixed_utf8(data: bytes) -> str | None:
    """Mostly UTF-8 with stray single-byte (cp1252) characters, as when files in two
    encodings are concatenated: each invalid byte is read as cp1252, the rest as UTF-8."""
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in loose if ord(ch) > 127 and ch != "\ufffd")
    if good == 0 or bad > good:
        return None
    try:
        codecs.lookup_error("newsgraph-cp1252")
    except LookupError:
        codecs.register_error("newsgraph-cp1252", _cp1252_fallback)
    return data.decode("utf-8", errors="newsgraph-cp1252")


def _textual(text: str) -> str:
    """Refuse decoded 'text' that is mostly control characters or replacement marks."""
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) in _CONTROL) or ch == "\ufffd")
    if sample and bad / len(sample) > 0.05:
        raise NewsgraphError(E.BINARY, detail=f"{bad} control or undecodable characters in the first {len(sample)}")
    return text


def decode_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode one input's bytes to str, or raise a NewsgraphError saying why not.

    Order: a BOM decides; UTF-16 without BOM is recognised by its zero bytes;
    valid UTF-8 is UTF-8; cp1252 when it reads as Western text;
    otherwise charset-normalizer picks.
    Binary data (NUL bytes, many control characters) is refused, not guessed.
    Undecodable bytes in an otherwise textual input are replaced, never fatal.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _textual(data[len(bom):].decode(enc, errors="replace"))
    enc16 = _looks_utf16_without_bom(data)
    if enc16:
        return _textual(data.decode(enc16, errors="replace"))
    sample = data[:65536]
    if b"\x00" in sample:
        raise NewsgraphError(E.BINARY, detail="it contains NUL bytes")
    controls = sum(1 for b in sample if b in _CONTROL)
    if sample and controls / len(sample) > 0.01:
        raise NewsgraphError(E.BINARY, detail=f"{controls} control bytes in the first {len(sample)}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None:
        return data.decode("cp1252", errors="replace")
    encoding = best.encoding
    if encoding in ("ascii", "latin_1", "iso8859_1"):
        encoding = "cp1252"  # a superset in the printable range; curly quotes live at 0x91-0x94
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:  # pragma: no cover - unknown codec name
        return data.decode("cp1252", errors="replace")
