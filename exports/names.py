"""File names that are safe to show and safe to write, whatever the name we were handed.

A name comes from a clerk's PC (an evidence file's original name), from a stick (any bytes
the file system allows) or from an e-mail. ``display_name`` makes one printable for a
message, a report or the store: valid UTF-8, no control characters, no bidirectional
overrides (``gpj.exe`` shown as ``exe.jpg``). ``safe_file_name`` makes one writable on
Windows too: no reserved characters, no device names (``CON``, ``aux.txt``), no trailing
dots or spaces, not too long.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

# C0/C1 controls, DEL, and the bidirectional formatting characters (embeddings, overrides,
# isolates, marks): they make a name display as something it is not.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_RESERVED_CHARS = re.compile(r'[\\/:*?"<>|]')
_DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"} | {
    f"{d}{n}" for d in ("COM", "LPT") for n in (*"123456789", "\u00b9", "\u00b2", "\u00b3")}


def _text(name: str | bytes | os.PathLike[str]) -> str:
    """Any name as a proper str: undecodable bytes (``surrogateescape``) become U+FFFD."""
    if isinstance(name, bytes):
        return name.decode("utf-8", "replace")
    text = os.fspath(name)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate from a Windows name
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def display_name(name: str | bytes | os.PathLike[str]) -> str:
    """A name fit for a message, a report or the store (see the module docstring)."""
    return _UNSHOWABLE.sub("?", _text(name))


def safe_file_name(name: str | bytes | os.PathLike[str], max_len: int = 100, fallback: str = "berkas") -> str:
    """One path component that Windows, macOS and Linux all accept and show as it is."""
    text = unicodedata.normalize("NFC", _text(name))
    text = _UNSHOWABLE.sub("", text)
    text = _RESERVED_CHARS.sub("-", text)
    text = re.sub(r"-{2,}", "-", text).strip(" .")
    if not text:
        text = fallback
    stem = text.split(".", 1)[0].rstrip(" ").upper()
    if stem in _DEVICE_NAMES:
        text = "_" + text
    if len(text) > max_len:
        stem, dot, ext = text.rpartition(".")
        text = (stem[: max_len - len(ext) - 1] + "." + ext) if dot and 0 < len(ext) <= 10 else text[:max_len]
        text = text.rstrip(" .") or fallback
    return text


def free_name(dest: Path) -> Path:
    """``dest``, or else the first of ``<stem>-2<suffix>``, ``<stem>-3<suffix>``... that no file holds
    (a batch's setup files, the slips' PDF, a report saved where a file of its name is)."""
    n = 1
    candidate = dest
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = dest.with_name(f"{dest.stem}-{n}{dest.suffix}")
    return candidate
