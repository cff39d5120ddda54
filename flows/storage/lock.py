"""One run at a time per warehouse: a lock file made by exclusive create, and a writable warehouse checked first."""

import os
from collections.abc import Iterator
from contextlib import contextmanager

from flows.storage.fs import InputError, open_fs, unlink

LOCK = ".crosswire.lock"


def check_warehouse(warehouse_dir: str) -> None:
    """Create the warehouse folder if needed and prove it is writable, else raise InputError."""
    fs, root = open_fs(warehouse_dir)
    probe = f"{root}/.write-test"
    try:
        fs.makedirs(f"{root}/parquet", exist_ok=True)
        fs.pipe_file(probe, b"")
        fs.rm_file(probe)
    except OSError as exc:
        raise InputError(f"cannot write to warehouse {warehouse_dir}: {exc.strerror or exc}") from exc


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def locked(warehouse_dir: str, run_id: str) -> Iterator[None]:
    """Hold the warehouse's run lock for the block; raise InputError if a live run holds it."""
    fs, root = open_fs(warehouse_dir)
    lock = f"{root}/{LOCK}"
    for _ in range(2):
        try:
            with fs.open(lock, "xb") as out:  # exclusive create: of two runs starting together, one wins
                out.write(f"{run_id} {os.getpid()}".encode())
            break
        except FileExistsError:
            check_unlocked(warehouse_dir)
            unlink(fs, lock)  # left behind by a run that died
    else:
        raise InputError(f"cannot take the lock {lock}")
    try:
        yield
    finally:
        unlink(fs, lock)


def check_unlocked(warehouse_dir: str) -> None:
    """Raise InputError if a live run holds the warehouse (checked again, atomically, when a run starts)."""
    fs, root = open_fs(warehouse_dir)
    lock = f"{root}/{LOCK}"
    if fs.isfile(lock):
        owner, _, pid = fs.cat_file(lock).decode().partition(" ")
        if pid.strip().isdigit() and _pid_alive(int(pid)):
            raise InputError(f"warehouse is locked by run {owner} (pid {pid.strip()})")
