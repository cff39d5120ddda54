"""Rows too many for memory, split into buckets by a hash column and spilled to local Parquet files, then read back
one bucket at a time: a corpus-wide count whose groups never straddle buckets runs in the memory of one bucket."""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

FLUSH_ROWS = 100_000  # rows held in memory before they are written out, bucket by bucket


class Spill:
    """Tables added in any number of calls -> the same rows, bucket by bucket (rows of one hash value together)."""

    def __init__(self, buckets: int, folder: Path | None, hash_column: str):
        self.n_buckets, self.folder, self.hash_column = buckets, folder, hash_column
        self.held: list[pa.Table] = []
        self.flushes = 0

    def add(self, table: pa.Table) -> None:
        """Hold a table's rows; once enough are held (and there is more than one bucket), write them out."""
        self.held.append(table)
        if self.folder is not None and sum(t.num_rows for t in self.held) >= FLUSH_ROWS:
            self._flush()

    def buckets(self) -> Iterator[pa.Table]:
        """-> each bucket's rows (one table when everything fits in one bucket)."""
        if self.folder is None:
            yield from [pa.concat_tables(self.held)] if self.held else []
            return
        self._flush()
        for bucket in range(self.n_buckets):
            files = sorted(self.folder.glob(f"b{bucket:05d}-*.parquet"))
            if files:
                yield ds.dataset([str(f) for f in files], format="parquet").to_table()

    def _flush(self) -> None:
        if not self.held:
            return
        rows = pa.concat_tables(self.held)
        self.held = []
        bucket = pc.subtract(rows[self.hash_column], pc.multiply(pc.divide(rows[self.hash_column], self.n_buckets),
                                                                  self.n_buckets))
        for value in pc.unique(bucket).to_pylist():
            pq.write_table(rows.filter(pc.equal(bucket, value)),
                           self.folder / f"b{value:05d}-{self.flushes:06d}.parquet")
        self.flushes += 1


@contextmanager
def spilled(buckets: int, hash_column: str) -> Iterator[Spill]:
    """A Spill of `buckets` buckets: in memory for one bucket, else in a local temporary folder removed on exit
    (local whatever the warehouse is: the files live for one step of one process)."""
    folder = Path(tempfile.mkdtemp(prefix="crosswire-spill-")) if buckets > 1 else None
    try:
        yield Spill(buckets, folder, hash_column)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
