import pyarrow as pa

from flows import memory


class _Libc:
    def __init__(self):
        self.trimmed = []

    def malloc_trim(self, pad):
        self.trimmed.append(pad)
        return 1


def test_freed_memory_goes_back_from_python_arrow_and_the_c_heap(monkeypatch):
    libc, released = _Libc(), []
    monkeypatch.setattr(memory, "_LIBC", libc)
    pool = pa.default_memory_pool()
    monkeypatch.setattr(pa, "default_memory_pool", lambda: type("Pool", (), {
        "release_unused": lambda self: released.append(pool.backend_name)})())
    memory.give_back()
    assert libc.trimmed == [0] and released == [pool.backend_name]


def test_no_c_library_to_trim_is_no_error(monkeypatch):
    monkeypatch.setattr(memory, "_LIBC", None)
    memory.give_back()
