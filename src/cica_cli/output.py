"""The one writer of standard output and standard error: output is whole or the command fails.

Everything `cica` prints goes through `out`, `out_bytes`, `err` and `flush` (render.py's
printing functions, Rich's console, exports, --ics/--html to `-`, error and status lines):

* text is encoded in the stream's encoding, and a character it cannot hold is written as an
  escape (`\\u00e9`), never a UnicodeEncodeError (PYTHONIOENCODING=ascii, a C locale);
* writes loop until every byte is taken, so a short write (an unbuffered stream on a nearly
  full disk) is finished, not silently cut;
* a write that fails (ENOSPC, EIO: `>/dev/full`) raises OutputError, which the command
  handler turns into one line on standard error and exit status 1: never exit 0 with
  truncated output;
* standard output closed early by its reader (`cica members | head -1`) raises PipeClosed:
  the command stops quietly with status 141 (128 + SIGPIPE, what a shell shows for a
  process the signal ended), and standard output is pointed at /dev/null so that Python
  prints no "Exception ignored" when it exits.

Output is gathered into blocks of 64 KiB, so a listing of 10 000 lines costs a few writes.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, Optional

from .errors import CicaError

BLOCK = 64 * 1024
PIPE_EXIT = 128 + 13  # SIGPIPE


class OutputError(CicaError):
    """Standard output could not be written (a full disk, an I/O error)."""


class PipeClosed(Exception):
    """The reader of standard output went away."""


class Interrupted(BaseException):
    """Ctrl-C (SIGINT), raised by the handler `main` installs. Not a KeyboardInterrupt, which
    Click would turn into "Aborted!" and exit status 1 while it parses the command line."""


def on_interrupt(signum: int, frame: Any) -> None:
    raise Interrupted()


def interrupted() -> int:
    """Say so in one line; the exit status for Ctrl-C (128 + SIGINT)."""
    discard()
    err("cica: interrupted\n")
    return 130


_pending: list[bytes] = []
_size = 0


def _binary(stream: Any) -> Any:
    return getattr(stream, "buffer", None)


def _encode(text: str, stream: Any) -> bytes:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return text.encode(encoding, "backslashreplace")
    except LookupError:
        return text.encode("utf-8", "backslashreplace")


def _write_all(stream: Any, data: bytes) -> None:
    """Write every byte of `data` to the binary stream `stream`, however many writes it takes."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None:  # a non-blocking stream that would block
            raise BlockingIOError(errno.EAGAIN, "standard output would block")
        if written <= 0:
            raise OSError(errno.EIO, "nothing could be written")
        view = view[written:]


def write_fd(fd: int, data: bytes) -> None:
    """Write all of `data` to a file descriptor, however short each write is."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _send(stream: Any, text: Optional[str], data: Optional[bytes] = None) -> None:
    """Write `data` (bytes) or `text` to a standard stream now and flush it: bytes go to its
    binary buffer when it has one; text is encoded for the stream."""
    if stream is None:
        return
    binary = _binary(stream)
    if binary is None:
        stream.write(text if data is None else data.decode("utf-8", "replace"))
    else:
        _write_all(binary, _encode(text, stream) if data is None else data)
    (binary or stream).flush()


def _emit(data: bytes) -> None:
    """Write bytes to standard output now, turning a failure into PipeClosed or OutputError."""
    try:
        _send(sys.stdout, None, data)
    except BrokenPipeError:
        raise PipeClosed() from None
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise PipeClosed() from None
        raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None
    except ValueError as exc:  # a closed stream
        raise OutputError(f"cannot write to standard output: {exc}") from None


def out_bytes(data: bytes) -> None:
    """Bytes for standard output (written in blocks; see `flush`)."""
    global _size
    if not data:
        return
    if not _pending and sys.stdout is not None:
        sys.stdout.flush()  # anything written to the text layer before goes first
    _pending.append(data)
    _size += len(data)
    if _size >= BLOCK:
        flush()


def holds(text: str) -> bool:
    """Whether standard output's encoding can hold every character of `text`."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    if encoding in ("utf-8", "utf8"):
        return True
    try:
        text.encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def out(text: str) -> None:
    """Text for standard output, in its encoding (characters it cannot hold escaped)."""
    out_bytes(_encode(text, sys.stdout))


# --- the pager: long terminal output is shown through $CICA_PAGER, $PAGER or `less -FRX`
# (git's and gh's convention: -F leaves output that fits one screen on the screen) --------

_paging: Optional[bool] = None  # decided at the first write; False after --no-pager


def no_pager() -> None:
    """`--no-pager`: write to the terminal directly."""
    global _paging
    _paging = False


def pager_command() -> Optional[str]:
    """The pager to show standard output through, or None: never when standard output is not
    a terminal; $CICA_PAGER, else $PAGER, else `less -FRX`; an empty one or `cat` means none."""
    stream = sys.stdout
    try:
        if stream is None or not stream.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    command = os.environ.get("CICA_PAGER")
    if command is None:
        command = os.environ.get("PAGER")
    if command is None:
        command = "less -FRX"
    command = command.strip()
    return None if command in ("", "cat") else command


def _paged() -> bool:
    global _paging
    if _paging is None:
        _paging = pager_command() is not None
    return _paging


def finish() -> None:
    """At the end of a command: show what is gathered, through the pager when paging. A pager
    that cannot be started is passed over: the text is written directly."""
    if not (_paging and _pending):
        flush()
        return
    import subprocess

    data = b"".join(_pending)
    discard()
    try:
        sys.stdout.flush()
        result = subprocess.run(pager_command() or "", shell=True, input=data)
    except (OSError, subprocess.SubprocessError):
        result = None
    if result is None or result.returncode == 127:  # not found: print it here instead
        _emit(data)


def flush() -> None:
    """Write what is gathered for standard output; OutputError or PipeClosed if it fails.
    While paging, everything is held for the pager until `finish`."""
    global _size
    if not _pending or _paged():
        return
    data = b"".join(_pending)
    _pending.clear()
    _size = 0
    _emit(data)


def discard() -> None:
    """Drop what is gathered (after a failure, nothing more is to be written)."""
    global _size
    _pending.clear()
    _size = 0


def err(text: str) -> None:
    """Text for standard error, written at once (after what is gathered for standard output).
    A failure to write standard error is ignored: there is nowhere left to report it."""
    try:
        flush()
    except (OutputError, PipeClosed):
        discard()
    try:
        _send(sys.stderr, text)
    except (OSError, ValueError):
        pass


def warn(message: str) -> None:
    """One warning line on standard error."""
    from .safetext import clean

    err(f"cica: warning: {clean(message)}\n")


def silence_stdout() -> None:
    """After the reader of standard output went away: point it at /dev/null, so that the
    interpreter's last flush at exit has nowhere to fail."""
    discard()
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


class Stream:
    """A text file object over `out`/`err`, for Rich's console."""

    def __init__(self, error: bool = False):
        self.error = error

    @property
    def _target(self) -> Any:
        return sys.stderr if self.error else sys.stdout

    @property
    def encoding(self) -> str:
        return getattr(self._target, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        (err if self.error else out)(text)
        return len(text)

    def flush(self) -> None:
        if not self.error:
            flush()

    def isatty(self) -> bool:
        try:
            return self._target.isatty()
        except (AttributeError, ValueError):
            return False

    def fileno(self) -> int:
        return self._target.fileno()


def write_file(target: str, content: bytes) -> None:
    """Write `content` whole to the file `target` (- for standard output), or fail with one line.

    A regular file is written to a new file beside it and renamed over it once every byte is
    written, so a full disk or an interrupt leaves the old file as it was (and no partial one);
    a device or a pipe (/dev/stdout, a FIFO) is written in place. A symbolic link at the name
    itself is refused, never written through: one planted where the file is to go (in a shared
    folder, beside a database) cannot send the bytes elsewhere."""
    import secrets
    import stat

    if target == "-":
        out_bytes(content)
        flush()
        return
    # the folders on the way are resolved; the name itself is not
    path = os.path.join(os.path.realpath(os.path.dirname(target) or "."), os.path.basename(target))
    mode = None
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            # followed only to a stream (/dev/stdout, a terminal, a pipe); to a file, or to
            # nothing yet, it would send the bytes where the name does not say
            try:
                info = os.stat(path)
            except OSError:
                info = None
            if info is None or stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
                raise OutputError(f"cannot write {target}: it is a symbolic link, not followed; "
                                  "remove it or name another file")
        regular, mode = stat.S_ISREG(info.st_mode), stat.S_IMODE(info.st_mode)
    except FileNotFoundError:
        regular = True
    except OSError:
        regular = False
    temporary = None
    try:
        if regular:
            temporary = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{secrets.token_hex(6)}.tmp")
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
            if mode is not None:  # the file replaced keeps its permissions
                os.chmod(fd, mode)
        else:  # O_NONBLOCK: a named pipe nobody reads is refused (ENXIO) instead of waited on
            fd = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NONBLOCK", 0))
            os.set_blocking(fd, True)
        try:
            write_fd(fd, content)
        finally:
            os.close(fd)
        if temporary is not None:
            os.replace(temporary, path)
            temporary = None
    except OSError as exc:
        raise write_error(target, exc) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def write_error(target: str, exc: OSError) -> CicaError:
    """The error for a file that could not be written: a usage error (exit 2) when the path
    itself is wrong (no such directory, not allowed, a pipe nobody reads), else exit 1."""
    from .errors import UsageError

    wrong_path = exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EACCES, errno.EPERM, errno.EROFS,
                               errno.ENXIO)
    return (UsageError if wrong_path else CicaError)(f"cannot write {target}: {exc.strerror or exc}")
