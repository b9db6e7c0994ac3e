"""CSV (and TSV): a header row, then one scrape per row, with the columns of `fields.py`.

Article text makes large fields: the csv module's field limit (128 KB by default) is raised to
the record size limit, so a field over it is a "too large" reject, not a crash. A CSV error
leaves the parser's position unknown, so the rest of that file is not read (and says so).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import PurePosixPath

from tasks.models import Reject
from tasks.readers.base import Input, Item, ReadError, content_hash, guess_encoding
from tasks.readers.fields import has_text_field, record_from_fields

CSV_SUFFIXES = {".csv", ".tsv"}


def _first_row(head: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(head.lstrip("\ufeff"))), [])
    except csv.Error:
        return []


def sniff(name: str, head: str) -> bool:
    if PurePosixPath(name).suffix.lower() in CSV_SUFFIXES:
        return True
    header = _first_row(head)
    return len(header) >= 2 and has_text_field(header)


def _delimiter(name: str, head: str) -> str:
    """Tab for .tsv; otherwise the most frequent of , ; tab in the header line (comma on a tie)."""
    if PurePosixPath(name).suffix.lower() == ".tsv":
        return "\t"
    header = head.split("\n", 1)[0]
    return max((",", ";", "\t"), key=lambda d: (header.count(d), d == ","))


def read(inp: Input) -> Iterator[Item]:
    csv.field_size_limit(max(csv.field_size_limit(), inp.max_bytes))
    encoding = guess_encoding(inp.head)
    text = io.TextIOWrapper(inp.stream, encoding=encoding, errors="strict", newline="")
    head = inp.head.decode(encoding, errors="replace")
    rows = csv.reader(text, csv.excel, delimiter=_delimiter(inp.name, head))
    try:
        header = [h.lstrip("\ufeff").strip() for h in next(rows)]
    except StopIteration:
        raise ReadError("read", "empty file", "no header row") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise ReadError("read", "malformed CSV", f"header: {exc}") from None
    if not has_text_field(header):
        raise ReadError("read", "no text column", f"columns: {', '.join(header)[:300]}")
    n = 0
    while True:
        source = f"{inp.source}#{n}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = "too large" if "field limit" in str(exc) else "malformed CSV"
            yield Reject(source, "read", reason, f"{exc}; the rest of the file was not read")
            return
        except UnicodeDecodeError as exc:
            yield Reject(source, "decode", "undecodable bytes", f"{exc}; the rest of the file was not read")
            return
        if not any(cell.strip() for cell in row):
            continue
        n += 1
        digest = content_hash("\x1f".join(row).encode("utf-8", errors="surrogatepass"))
        if len(row) != len(header):
            detail = f"{len(row)} fields, the header has {len(header)}"
            yield Reject(source, "read", "malformed CSV row", detail, digest)
            continue
        yield record_from_fields(source, dict(zip(header, row, strict=True)), digest, "csv", inp.max_bytes)
