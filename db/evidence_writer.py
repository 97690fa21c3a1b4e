"""The evidence files of a big import written by a second process, beside the import's own work.

An import of dozens of bundles spends a third of its time creating files (open, write, close,
rename: each a system call the operating system takes its time over) on a PC with two cores or
more, one of them idle. A thread cannot take that work over: every system call hands Python's
interpreter lock back and forth, and every SQLite call of the import then waits for it too
(bench/README "Import, the file thread"). A second process has its own interpreter: the import
checks a bundle (signature, every member's SHA-256, from memory), hands the files it keeps to the
writer (``write``), decides and writes the bundle's rows meanwhile, and waits for the writer only
when the bundle ends (``wait``), before its savepoint is released: a bundle whose files could not
be written is rolled back like one whose rename failed in the import's own process (the same
``OSError``), and every file a committed row names is on disk (the commit flushes them as its own).

The writer only writes what it is given: bytes already checked against their SHA-256, into the
workspace's ``tmp/`` first, then renamed to their name in ``evidence/`` (the same steps as the
import's own :meth:`db.evidence.Evidence.adopt_data`). If it cannot start or dies, the import
writes the files itself (nothing is lost: what was not confirmed is written again). It stops when
the import closes its pipe, also when the import itself is killed.

Used on POSIX systems for imports of :data:`MIN_BUNDLES` files or more (starting a process costs
~20 ms there; a frozen Windows executable starts in ~0.2 s, as long as a whole small import).
Qt-free, standard library only: the child imports nothing else.
"""

from __future__ import annotations

import errno
import os
import struct
import sys

TYPE_CHECKING = False  # typing not imported at run time (type checkers read it as True)
if TYPE_CHECKING:  # the child imports nothing but what it writes with (it starts ~20 ms sooner)
    import subprocess
    from typing import Any

MIN_BUNDLES = 4
"""An import of fewer files writes their evidence itself (starting the process would cost what it saves)."""

FLUSH_BYTES = 32 * 1024
"""Frames are sent by batches of about this size (one system call each)."""

ARG = "--evidence-writer"
"""The hidden argument a frozen executable runs the child with (``desktop.entry_points``)."""

_HEAD = struct.Struct("!BII")  # op, length of the text part, length of the data
_REPLY = struct.Struct("!BiI")  # status (0 ok), errno, length of "strerror\0filename"
_WRITE, _BARRIER, _QUIT = 1, 2, 0
_KICK = False
"""In the child (Linux): each file's write-back to disk started as soon as it is written
(``posix_fadvise(DONTNEED)`` starts it without waiting), so the commit's flush finds it mostly
done (bench/README "Import, the writer process"). The flush still waits for all of it."""


def write_file(tmp: str, final: str, data: Any) -> None:
    """``data`` into a new file ``tmp``, then renamed to ``final`` (its folder made when missing).

    ``tmp``'s folder is made when missing. On failure ``tmp`` is removed and the error raised."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(tmp), exist_ok=True)
        fd = os.open(tmp, flags, 0o666)
    try:
        try:
            view = memoryview(data)
            done = 0
            while done < len(view):
                done += os.write(fd, view[done:done + 4 * 1024 * 1024])
            if _KICK:
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                except OSError:
                    pass
        finally:
            os.close(fd)
        try:
            try:
                os.replace(tmp, final)
            except FileNotFoundError:
                if not os.path.exists(tmp):
                    raise
                os.makedirs(os.path.dirname(final), exist_ok=True)
                os.replace(tmp, final)
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
            # tmp/ on another disk than evidence/ (a folder mounted apart): written beside its
            # final name instead, then renamed (never a half-written file under that name).
            os.unlink(tmp)
            tmp = f"{final}.{os.getpid()}.part"
            write_file(tmp, final, data)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class WriterGone(Exception):
    """The writer process is not there (never started, or died): the import writes itself."""


class EvidenceWriter:
    """The parent's side: frames to the child's stdin, replies from its stdout."""

    def __init__(self) -> None:
        import contextlib
        import subprocess

        self._buf: list[bytes | memoryview] = []
        self._size = 0
        self._pending: list[tuple[str, str, Any]] = []  # sent or buffered since the last wait
        self._marked = 0  # how many of them a question already follows (mark)
        self._asked = 0  # questions sent, not yet answered
        self.gone = False
        try:
            self._proc: subprocess.Popen[bytes] | None = subprocess.Popen(
                command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, bufsize=0,
                close_fds=True, env=_child_env())
        except OSError:
            self._proc, self.gone = None, True
            return
        # Linux: a pipe of 1 MiB, not 64 KiB, so the import's first bundle is not held up while
        # the child starts (it reads ahead once it runs). Elsewhere the pipe stays as it is.
        if not sys.platform.startswith("linux"):
            return
        with contextlib.suppress(ImportError, OSError, AttributeError):
            import fcntl

            fcntl.fcntl(self._proc.stdin.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), 1024 * 1024)  # type: ignore[union-attr]

    def write(self, tmp: str, final: str, data: Any) -> None:
        """Queue one file (``write_file`` in the child). Raises :class:`WriterGone`."""
        if self.gone:
            raise WriterGone
        self._pending.append((tmp, final, data))
        names = f"{tmp}\0{final}".encode()
        self._buf += (_HEAD.pack(_WRITE, len(names), len(data)), names, data)
        self._size += len(data) + len(names)
        if self._size >= FLUSH_BYTES:
            self._send()

    def mark(self) -> None:
        """No more files for now: what is queued goes to the child at once, with the question
        :meth:`wait` reads the answer to (by then usually written: the wait costs nothing).
        Raises :class:`WriterGone`."""
        if self.gone:
            raise WriterGone
        if len(self._pending) == self._marked:
            return
        if self._asked >= 64:  # answers never pile up past what the child's pipe holds
            self.wait()
            return
        self._buf.append(_HEAD.pack(_BARRIER, 0, 0))
        self._size += 1
        self._marked = len(self._pending)
        self._asked += 1
        self._send()

    def wait(self) -> None:
        """Every file queued so far is written (renamed to its name). Raises the first
        ``OSError`` a write met (then the files after it may be missing too: the caller rolls
        back the part that named them) or :class:`WriterGone` (``take_back`` gives what to write)."""
        if self.gone:
            raise WriterGone
        if not self._pending:
            return
        self.mark()
        assert self._proc is not None and self._proc.stdout is not None
        first: OSError | None = None
        try:
            while self._asked:  # each question answered in turn: the first failure is the one said
                head = _read_exact(self._proc.stdout, _REPLY.size)
                status, err, n = _REPLY.unpack(head)
                text = _read_exact(self._proc.stdout, n).decode("utf-8", "replace") if n else ""
                self._asked -= 1
                if status and first is None:
                    strerror, _, filename = text.partition("\0")
                    first = OSError(err, strerror, filename or None)
        except (OSError, EOFError) as exc:
            self._lost()
            raise WriterGone from exc
        self._pending, self._marked = [], 0
        if first is not None:
            raise first

    def take_back(self) -> list[tuple[str, str, Any]]:
        """The files queued since the last :meth:`wait` that returned (the writer is gone)."""
        out, self._pending, self._marked, self._asked = self._pending, [], 0, 0
        return out

    def close(self) -> None:
        import contextlib

        proc, self._proc = self._proc, None
        if proc is None:
            return
        with contextlib.suppress(OSError):
            if not self.gone and proc.stdin is not None:
                proc.stdin.write(_HEAD.pack(_QUIT, 0, 0))
        for f in (proc.stdin, proc.stdout):
            with contextlib.suppress(OSError):
                if f is not None:
                    f.close()
        # Its stdin ended: it exits at once. Reaped aside (a wait with a time-out polls in steps of
        # milliseconds, and a child that never ends must not hold the import up).
        import threading

        threading.Thread(target=proc.wait, daemon=True).start()
        self.gone = True

    def _send(self) -> None:
        data, self._buf, self._size = b"".join(self._buf), [], 0
        assert self._proc is not None and self._proc.stdin is not None
        view = memoryview(data)
        try:
            while view:
                n = self._proc.stdin.write(view)
                view = view[n or 0:]
        except OSError as exc:
            self._lost()
            raise WriterGone from exc

    def _lost(self) -> None:
        self.gone = True
        proc = self._proc
        if proc is not None:
            try:
                proc.kill()
            except OSError:
                pass


def _read_exact(f: Any, n: int) -> bytes:
    out = b""
    while len(out) < n:
        chunk = f.read(n - len(out))
        if not chunk:
            raise EOFError
        out += chunk
    return out


def command() -> list[str]:
    """How to start the child: the frozen executable with :data:`ARG`, else this Python with
    nothing but this module (no site packages, no other module of ours)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, ARG]
    return [sys.executable, "-S", "-E", "-c",
            f"import sys; sys.path.insert(0, {os.path.dirname(os.path.abspath(__file__))!r});"
            " import evidence_writer; evidence_writer.main()"]


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the child's one module is compiled once, like ours
    return env


# ---------------------------------------------------------------------------- the child


def main() -> None:
    """The child: write every file it is sent until its stdin ends; answer each barrier."""
    import _thread  # the low-level modules: threading and queue cost the child's start ~10 ms
    from _queue import SimpleQueue

    global _KICK
    _KICK = sys.platform.startswith("linux") and hasattr(os, "posix_fadvise")

    inp = open(0, "rb", buffering=1024 * 1024, closefd=False)  # noqa: SIM115 - for the process's life
    out = open(1, "wb", buffering=0, closefd=False)  # noqa: SIM115
    frames: SimpleQueue[tuple[int, bytes, bytes] | None] = SimpleQueue()

    def read() -> None:
        # Reads ahead while the files are written, so the import's writes to the pipe never wait.
        try:
            while True:
                head = inp.read(_HEAD.size)
                if len(head) < _HEAD.size:
                    break
                op, na, nb = _HEAD.unpack(head)
                if op == _QUIT:
                    break
                a, b = inp.read(na), inp.read(nb)
                if len(a) < na or len(b) < nb:
                    break
                frames.put((op, a, b))
        finally:
            frames.put(None)

    _thread.start_new_thread(read, ())  # ends with the process, as a daemon thread
    first: OSError | None = None
    while (frame := frames.get()) is not None:
        op, a, b = frame
        if op == _WRITE:
            tmp, _, final = a.decode().partition("\0")
            try:
                write_file(tmp, final, b)
            except OSError as exc:
                first = first or exc
        elif op == _BARRIER:
            if first is None:
                out.write(_REPLY.pack(0, 0, 0))
            else:
                text = f"{first.strerror or first}\0{first.filename or ''}".encode()
                out.write(_REPLY.pack(1, first.errno or 0, len(text)) + text)
                first = None


def child_if_asked() -> None:
    """In a frozen executable's entry script, before anything else loads: run as the child
    (then exit) when started with :data:`ARG` alone."""
    if sys.argv[1:] == [ARG]:
        main()
        sys.exit(0)


if __name__ == "__main__":
    main()
