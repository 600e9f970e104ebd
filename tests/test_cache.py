import multiprocessing as mp
import os
import signal
import sqlite3
import time

from newsscan.cache import ResultCache, article_key
from newsscan.records import Article, ArticleResult, Evidence


def _article(body: str, path: str = "a.txt") -> Article:
    import hashlib

    return Article(id=path, path=path, outlet="Kompas", outlet_evidence=Evidence("Kompas", "dateline"),
                   title="t", published="2025-06-18", published_evidence=Evidence("2025-06-18", "header"),
                   body=body, paragraphs=(body,), text_hash=hashlib.sha256(body.encode()).hexdigest())


def test_round_trip_and_key(tmp_path):
    c = ResultCache(tmp_path)
    a = _article("Kim tiba di Rusia.")
    k = article_key(a, "v1")
    c.put_many([(k, ArticleResult(article=a))])
    assert c.get_many([k])[k].article == a
    assert article_key(a, "v2") != k  # a new pipeline version misses
    assert article_key(_article("Kim tiba di Rusia!"), "v1") != k  # a changed text misses
    assert article_key(_article("Kim tiba di Rusia.", "b.txt"), "v1") == k  # a renamed file hits
    assert c.clear() == 1 and c.count() == 0


def _writer(folder):
    c = ResultCache(folder)
    i = 0
    while True:
        a = _article(f"artikel {i}")
        c.put_many([(article_key(a, "v"), ArticleResult(article=a)) for _ in range(50)])
        i += 1


def test_killed_writer_leaves_no_corrupt_entry(tmp_path):
    p = mp.get_context("fork").Process(target=_writer, args=(tmp_path,))
    p.start()
    time.sleep(1.0)
    os.kill(p.pid, signal.SIGKILL)
    p.join()
    db = sqlite3.connect(tmp_path / "results.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    keys = [k for (k,) in db.execute("SELECT key FROM results")]
    db.close()
    c = ResultCache(tmp_path)
    assert len(c.get_many(keys)) == len(keys) > 0  # every committed entry reads back whole


def test_changed_file_is_read_again_and_unchanged_one_is_not(tmp_path, monkeypatch):
    from newsscan import loader
    from newsscan.cache import FileCache

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Judul A\n\nPresiden Joko Widodo meresmikan jalan tol di Semarang pada hari Senin.", encoding="utf-8"
    )
    b.write_text("Judul B\n\nGubernur meresmikan pasar baru di Surabaya pada hari Selasa.", encoding="utf-8")
    fc = FileCache(ResultCache(tmp_path / "cache"), "v")
    first = [x.body for x in loader.iter_articles([str(tmp_path)], file_cache=fc) if hasattr(x, "body")]
    fc.flush()
    read = []
    real = loader._iter_file
    monkeypatch.setattr(loader, "_iter_file", lambda p, *a: read.append(os.path.basename(p)) or real(p, *a))
    b.write_text(
        "Judul B\n\nGubernur meresmikan pasar baru di Surabaya pada hari Rabu ini.", encoding="utf-8"
    )
    second = [x.body for x in loader.iter_articles([str(tmp_path)], file_cache=fc) if hasattr(x, "body")]
    assert read == ["b.txt"]  # a.txt came from the cache
    assert second[0] == first[0] and "Rabu" in second[1]


def test_open_cache_where_a_file_is_in_the_way(tmp_path):
    from newsscan.cache import open_cache

    (tmp_path / "file").write_text("x", encoding="utf-8")
    cache, why = open_cache(tmp_path / "file" / "cache")
    assert cache is None and "not usable" in why and "without a cache" in why
    cache, why = open_cache(tmp_path / "ok")
    assert why is None and cache.count() == 0
    cache.close()
