"""Reading documents leniently and writing results atomically.

A malformed line never stops a run: it is reported with its file and line number
and the other documents are still processed. Output goes to a temporary file in
the destination folder and is renamed at the end, so a crash never leaves a
half-written file.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO


@dataclass
class InputError:
    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


def _open_text(path: str) -> IO[str]:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf8")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf8")
    return open(path, encoding="utf8")  # noqa: SIM115 - closed by the caller's context


def parse_document_line(line: str) -> dict[str, Any]:
    """One JSONL line: an object with a string ``text`` (and normally an ``id``)."""
    return check_document(json.loads(line))


def check_document(obj: Any) -> dict[str, Any]:
    """``obj`` itself if it is a document object with a string ``text``."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    if not isinstance(obj.get("text"), str):
        raise ValueError("missing or non-string 'text' field")
    return obj


def read_documents(path: str) -> Iterator[dict[str, Any] | InputError]:
    """Documents of a JSONL(.gz) file, ``-`` (JSONL on stdin), a ``.json`` file (one
    document object or a list of them) or any other file (plain text, one document).

    Yields an ``InputError`` in place of each line that cannot be read."""
    if path.endswith(".json"):
        yield from _read_json_file(path)
        return
    if path != "-" and not path.endswith((".jsonl", ".gz")):
        yield {"id": Path(path).stem, "text": Path(path).read_text(encoding="utf8")}
        return
    source = "<stdin>" if path == "-" else path
    with _open_text(path) as f:
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            try:
                yield parse_document_line(line)
            except ValueError as err:  # json.JSONDecodeError is a ValueError
                yield InputError(source, lineno, str(err))


def _read_json_file(path: str) -> Iterator[dict[str, Any] | InputError]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf8"))
    except json.JSONDecodeError as err:
        yield InputError(path, err.lineno, err.msg)
        return
    for i, obj in enumerate(data if isinstance(data, list) else [data], start=1):
        try:
            yield check_document(obj)
        except ValueError as err:
            yield InputError(path, i, f"document {i}: {err}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_output(path: str | None, binary: bool = False) -> Iterator[IO[Any]]:
    """A text (or ``binary``) stream that becomes ``path`` only when the block ends
    without error.

    ``None`` or ``-`` writes to stdout."""
    if path in (None, "-"):
        stream = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    dest = Path(path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf8") as f:
            yield f
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False)


class ResumableOutput:
    """JSONL output that is renamed into place at the end and can resume after a crash.

    Lines go to ``OUTPUT.partial`` (line-buffered); a clean finish renames it to
    ``OUTPUT``, so ``OUTPUT`` is never half-written. After a crash the partial file
    stays. With ``resume=True`` the ids already written (in the partial file, else
    in ``OUTPUT``) are collected in ``done_ids``, an incomplete last line is cut
    off, and writing continues after them."""

    def __init__(self, path: str, resume: bool = False) -> None:
        self.dest = Path(path)
        self.partial = self.dest.with_name(self.dest.name + ".partial")
        self.resume = resume
        self.done_ids: set[str] = set()
        self._file: TextIO | None = None

    def __enter__(self) -> ResumableOutput:
        self.dest.parent.mkdir(parents=True, exist_ok=True)
        if self.resume:
            if not self.partial.exists() and self.dest.exists():
                self.partial.write_bytes(self.dest.read_bytes())
            if self.partial.exists():
                self.done_ids = self._keep_complete_lines(self.partial)
        self._file = self.partial.open("a" if self.resume else "w", encoding="utf8", buffering=1)
        return self

    @staticmethod
    def _keep_complete_lines(path: Path) -> set[str]:
        """Ids of the complete JSON lines of ``path``; truncates anything after them."""
        ids: set[str] = set()
        good_bytes = 0
        with path.open("rb") as f:
            for raw in f:
                try:
                    if not raw.endswith(b"\n"):
                        raise ValueError("incomplete line")
                    ids.add(str(json.loads(raw)["id"]))
                except (ValueError, KeyError):
                    break
                good_bytes += len(raw)
        with path.open("r+b") as f:
            f.truncate(good_bytes)
        return ids

    def write(self, record: dict[str, Any]) -> None:
        assert self._file is not None
        self._file.write(dumps(record) + "\n")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        assert self._file is not None
        self._file.close()
        if exc_type is None:
            os.replace(self.partial, self.dest)
        else:
            print(
                f"partial output kept in {self.partial}; rerun with --resume to continue",
                file=sys.stderr,
            )
