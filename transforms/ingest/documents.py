"""Raw input files -> one document per article, or a quarantine row with the reason."""

import hashlib
import json
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pyarrow as pa

from transforms.ingest.decode import decode_bytes, normalise_text, repair_text
from transforms.ingest.html import extract_html
from warehouse.contracts import DOCUMENTS, QUARANTINE

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
# Record fields a crawler may use for the same thing, in order of preference.
_FIELD_NAMES = {
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher"),
    "published_raw": ("published_at", "date", "published", "publish_date", "pubdate"),
    "byline": ("authors", "author", "byline"),
    "external_id": ("id", "doc_id", "uuid"),
}


@dataclass
class Parsed:
    """Documents and quarantine rows from a batch of files."""

    documents: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)

    def tables(self) -> tuple[pa.Table, pa.Table]:
        """-> (documents, quarantine) as Arrow tables."""
        return (
            pa.Table.from_pylist(self.documents, schema=DOCUMENTS),
            pa.Table.from_pylist(self.quarantine, schema=QUARANTINE),
        )


def content_id(text: str) -> str:
    """Article text -> stable content hash used as doc_id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def domain_of(url: str | None) -> str | None:
    """'https://www.presstv.ir/Detail/x' -> 'presstv.ir'; None when there is no host."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = host.lower().removeprefix("www.")
    return host or None


def _text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value if v)
    value = " ".join(str(value).split())
    return value or None


def _pick(record: Mapping, name: str) -> str | None:
    for key in _FIELD_NAMES.get(name, (name,)):
        value = _text(record.get(key))
        if value:
            return value
    return None


def _document(path: str, record_no: int | None, fmt: str, text: str, meta: Mapping, manifest: Mapping) -> dict:
    outlet, outlet_source = manifest.get("outlet"), "manifest"
    candidates = (("record", meta.get("outlet")), ("html", meta.get("sitename")))
    for source, value in candidates:
        if not outlet and value:
            outlet, outlet_source = value, source
    url = manifest.get("url") or meta.get("url")
    if not outlet and domain_of(url):
        outlet, outlet_source = domain_of(url), "url"
    repaired = {name: repair_text(value) for name, value in (("text", text), ("title", meta.get("title")),
                                                             ("byline", meta.get("byline")))}
    return {
        "doc_id": content_id(repaired["text"][0]),
        "source_path": path,
        "record_no": record_no,
        "source_format": fmt,
        "encoding": meta.get("encoding"),
        "repair": _repair_note(repaired),
        "external_id": meta.get("external_id"),
        "url": url,
        "outlet": outlet,
        "outlet_source": outlet_source if outlet else None,
        "title": repaired["title"][0],
        "byline": repaired["byline"][0],
        "published_raw": manifest.get("published_at") or meta.get("published_raw"),
        "text": repaired["text"][0],
    }


def _repair_note(repaired: Mapping[str, tuple[str | None, str | None]]) -> str | None:
    """{field: (text, how it was repaired)} -> 'mojibake repaired in text, title (windows-1252 -> utf-8)' or None."""
    fields = [name for name, (_, how) in repaired.items() if how]
    if not fields:
        return None
    hows = dict.fromkeys(how for _, how in repaired.values() if how)
    return f"mojibake repaired in {', '.join(fields)} ({'; '.join(hows)})"


def _html_document(path, record_no, fmt, html: str, meta: dict, manifest) -> dict | str:
    page = extract_html(html, url=meta.get("url") or manifest.get("url"))
    if page is None:
        return "HTML with no article text"
    merged = {**{k: v for k, v in page.items() if v}, **{k: v for k, v in meta.items() if v}}
    return _document(path, record_no, fmt, page["text"], merged, manifest)


def _gunzip(data: bytes) -> tuple[bytes, str | None]:
    inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header, detected
    try:
        out = inflater.decompress(data)
    except zlib.error as exc:
        return b"", f"corrupt gzip data ({exc})"
    if not inflater.eof:
        return out, "truncated gzip file: the lines before the cut were read"
    return out, None


def _jsonl_records(path: str, data: bytes, manifest: Mapping) -> Iterator[dict | tuple[int | None, str]]:
    error = None
    if path.lower().endswith(".gz"):
        data, error = _gunzip(data)
    lines = data.split(b"\n")
    if error and lines:
        lines = lines[:-1]  # the last line of a cut stream is incomplete
    if not error and not any(raw.strip() for raw in lines):
        yield None, "no JSON records (empty file)"
    for record_no, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield record_no, f"line {record_no} is not valid JSON ({exc.msg if hasattr(exc, 'msg') else exc})"
            continue
        if not isinstance(record, dict):
            yield record_no, f"line {record_no} is JSON but not an object"
            continue
        yield from _record_document(path, record_no, record, manifest)
    if error:
        yield None, error


def _record_document(path: str, record_no: int, record: dict, manifest: Mapping):
    meta = {name: _pick(record, name) for name in _FIELD_NAMES}
    meta.update(url=_text(record.get("url")), title=_text(record.get("title")))
    if isinstance(record.get("text"), str) and record["text"].strip():
        yield _document(path, record_no, "jsonl", normalise_text(record["text"]).strip(), meta, manifest)
    elif isinstance(record.get("html"), str) and record["html"].strip():
        doc = _html_document(path, record_no, "jsonl-html", record["html"], meta, manifest)
        yield doc if isinstance(doc, dict) else (record_no, f"line {record_no}: {doc}")
    else:
        yield record_no, f"line {record_no} has no 'text' or 'html' field with content"


def _file_documents(path: str, data: bytes, manifest: Mapping):
    lower = path.lower()
    if lower.endswith(JSONL_SUFFIXES):
        yield from _jsonl_records(path, data, manifest)
        return
    if not lower.endswith(TEXT_SUFFIXES + HTML_SUFFIXES):
        yield None, "unsupported file type (expected .txt, .html, .htm, .jsonl or .jsonl.gz)"
        return
    decoded = decode_bytes(data, html=lower.endswith(HTML_SUFFIXES))
    if decoded.error:
        yield None, decoded.error
        return
    meta = {"encoding": decoded.encoding}
    if lower.endswith(HTML_SUFFIXES):
        doc = _html_document(path, None, "html", decoded.text, meta, manifest)
        yield doc if isinstance(doc, dict) else (None, doc)
    elif decoded.text.strip():
        yield _document(path, None, "txt", decoded.text, meta, manifest)
    else:
        yield None, "empty file"


def parse_inputs(files: pa.Table, manifest: Mapping[str, Mapping[str, str]]) -> Parsed:
    """Files (source_path, data, read_error) + manifest rows by path -> Parsed documents/quarantine."""
    parsed = Parsed()
    for row in files.to_pylist():
        path = row["source_path"]
        if row.get("read_error"):
            parsed.quarantine.append({"source_path": path, "record_no": None, "reason": row["read_error"]})
            continue
        for item in _file_documents(path, row["data"], manifest.get(path, {})):
            if isinstance(item, dict):
                parsed.documents.append(item)
            else:
                parsed.quarantine.append({"source_path": path, "record_no": item[0], "reason": item[1]})
    return parsed


def missing_from_manifest(manifest: Mapping[str, Mapping[str, str]], paths: list[str]) -> pa.Table:
    """Manifest rows by path + the files found -> quarantine rows for manifest paths with no file."""
    found = set(paths)
    rows = [{"source_path": path, "record_no": None, "reason": "listed in the manifest, but no such file"}
            for path in sorted(manifest) if path not in found]
    return pa.Table.from_pylist(rows, schema=QUARANTINE)
