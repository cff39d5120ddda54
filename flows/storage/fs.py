"""The warehouse's file system: a local folder or any fsspec URL, and the one error users fix themselves."""

import os

from fsspec import AbstractFileSystem
from fsspec.core import split_protocol, url_to_fs
from fsspec.implementations.local import LocalFileSystem


class InputError(Exception):
    """A problem the user must fix (missing folder, unwritable warehouse, bad manifest): one line, exit 2."""


def open_fs(warehouse_dir: str) -> tuple[AbstractFileSystem, str]:
    """Warehouse folder or fsspec URL -> (its filesystem, the folder's path on it, no trailing slash).

    Workers of the processes and dask runners open the filesystem from the URL alone, so the URL must name
    storage they all reach: memory:// lives in one process and serves only the local (threads) runner."""
    try:
        fs, root = url_to_fs(warehouse_dir)
    except (ImportError, ValueError) as exc:  # a protocol whose package is missing, or not a protocol at all
        raise InputError(f"warehouse {warehouse_dir}: {exc}") from exc
    return fs, root.rstrip("/") or root


def is_local(fs: AbstractFileSystem) -> bool:
    """True for the local disk (links, renames and DuckDB's own file access work there)."""
    return isinstance(fs, LocalFileSystem)


def shared_by_processes(warehouse_dir: str) -> bool:
    """False for a warehouse that lives in one process's memory (memory://), which other processes cannot see."""
    return split_protocol(warehouse_dir)[0] != "memory"


def absolute_warehouse(warehouse_dir: str) -> str:
    """A warehouse folder made absolute (for a deployment run from elsewhere); a URL stays as given."""
    return os.path.abspath(warehouse_dir) if split_protocol(warehouse_dir)[0] is None else warehouse_dir


def url_of(fs: AbstractFileSystem, path: str) -> str:
    """A path on the warehouse's filesystem -> what names it alone: the path itself on local disk, else a URL."""
    return path if is_local(fs) else fs.unstrip_protocol(path)


def unlink(fs: AbstractFileSystem, path: str) -> None:
    """Remove a file if it is there."""
    try:
        fs.rm_file(path)
    except FileNotFoundError:
        pass
