"""argparse's own fixed words ("usage:", "options:", "show this help message and exit", its
errors) in Indonesian, for both command lines: ``kla`` (desktop.cli) and ``kla-desktop``
(desktop.app). Light on purpose (argparse only): the window's start imports it only when
argparse itself is needed (``--help``, a wrong option).
"""

from __future__ import annotations

import argparse

# argparse looks its fixed words up through gettext at call time (argparse._); the
# command line speaks Indonesian, so those words are given here.
_ARGPARSE_WORDS = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "optional arguments": "pilihan",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "the following arguments are required: %s": "argumen wajib belum diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak dikenal: %(value)r (pilih dari %(choices)s)",
    # every typed option of ours is a whole number (years, indicator numbers)
    "invalid %(type)s value: %(value)r": "harus berupa angka bulat, bukan %(value)r",
    "expected one argument": "perlu satu nilai",
    "one of the arguments %s is required": "salah satu argumen ini wajib: %s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s kurang jelas: bisa %(matches)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
}


def _argparse_words(text: str) -> str:
    return _ARGPARSE_WORDS.get(text, text)




def install() -> None:
    """From now on argparse speaks Indonesian (it looks its words up at call time, through ``argparse._``)."""
    argparse._ = _argparse_words  # type: ignore[attr-defined]
