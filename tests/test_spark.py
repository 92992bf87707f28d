"""clean-articles-spark and cleaner.spark on real Spark in local mode (one session for the
whole test run): the same records as clean-articles, one per input, no duplicate when a task
is retried, no _SUCCESS when the job fails."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import command
from corpus import ARTICLE, make_warc, page

from cleaner import Cleaner, Settings
from cleaner import spark as cluster  # needs pyspark: the [test] extra installs it
from cleaner.io.sources import Feed

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = Settings(detect_language=True)


@pytest.fixture(scope="module")
def spark():
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    # local[2, 4]: two cores, a failed task is tried up to four times (as on a cluster)
    session = (SparkSession.builder.master("local[2,4]").appName("cleaner-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def mixed_corpus(folder: Path) -> None:
    """Text, HTML, gzip, a feed, a WARC.gz and broken files."""
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").iterdir()):
        shutil.copy(seed, folder / seed.name)
    (folder / "page.html.gz").write_bytes(gzip.compress((ROOT / "seeds" / "005_harbourtimes.html").read_bytes()))
    (folder / "feed.jsonl").write_text(json.dumps({"id": "f1", "text": ARTICLE}) + "\n{broken\n"
                                       + json.dumps({"id": "f3", "html": page(3)["body"].decode()}) + "\n")
    make_warc(folder / "crawl.warc.gz", [page(1), page(2, status="404 Not Found"), page(4)])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "cut.txt.gz").write_bytes(gzip.compress(ARTICLE.encode() * 30)[:100])


def without_source(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "source"} for r in records]


def clean_articles(folder: Path, out: Path) -> list[dict]:
    subprocess.run([command("clean-articles"), str(folder), "-o", str(out), "-q"], timeout=300)
    return [json.loads(line) for line in out.read_text().splitlines()]


def test_the_same_records_as_clean_articles_one_per_input(spark, tmp_path):
    mixed_corpus(tmp_path / "in")
    expected = clean_articles(tmp_path / "in", tmp_path / "expected.jsonl")
    counts = cluster.new_counts(spark.sparkContext)
    items = cluster.list_inputs(spark, [str(tmp_path / "in")])
    records = cluster.clean_inputs(spark, items, SETTINGS, Feed(), partitions=3, counts=counts)
    cluster.write_records(spark, records, str(tmp_path / "out"), "jsonl")
    got = cluster.read_back(str(tmp_path / "out"))
    assert (tmp_path / "out" / "_SUCCESS").exists()
    assert without_source(got) == without_source(expected)
    assert len({r["source"] for r in got}) == len(got)
    done = {name: c.value for name, c in counts.items()}
    assert done == {"cleaned": sum(r.get("error") is None and r.get("skipped") is None for r in got),
                    "failed": sum("error" in r for r in got), "skipped": sum("skipped" in r for r in got)}
    assert done["failed"] >= 4 and done["skipped"] == 1


def test_inputs_read_by_spark_give_the_same_records(spark, tmp_path):
    """Inputs that only the JVM can open (hdfs://, s3a://) come as bytes from binaryFiles;
    file:// URIs are sent that way here to try it."""
    mixed_corpus(tmp_path / "in")
    uri = (tmp_path / "in").as_uri()
    mine = cluster.clean_inputs(spark, cluster.list_inputs(spark, [uri]), SETTINGS, Feed(), partitions=2)
    theirs = cluster.clean_inputs(spark, cluster.list_inputs(spark, [uri], local_schemes=("",)), SETTINGS, Feed(),
                                  partitions=2, local_schemes=("",))
    mine, theirs = mine.collect(), theirs.collect()
    assert len(theirs) == len(mine)
    assert sorted(map(anonymous, theirs)) == sorted(map(anonymous, mine))


def anonymous(record: dict) -> str:
    """A record without its source and id, and without the source in its messages."""
    shown = json.dumps({k: v for k, v in record.items() if k not in ("source", "id")}, sort_keys=True)
    return shown.replace(record["source"].split("#")[0], "SOURCE")


def test_a_retried_task_leaves_no_duplicate(spark, tmp_path):
    def flaky(items, settings, feed, counts):
        """clean_partition whose first attempt at partition 1 dies after its first record."""
        from pyspark import TaskContext

        context = TaskContext.get()
        records = cluster.clean_partition(items, settings, feed, counts)
        if context.partitionId() == 1 and context.attemptNumber() == 0:
            yield next(records)
            failed.write_text("the first attempt died")  # local mode: the test sees the file
            raise RuntimeError("executor lost")
        yield from records

    failed = tmp_path / "first-attempt-failed"

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(ARTICLE.replace("Monday", f"day {i}"))
    items = cluster.list_inputs(spark, [str(folder)])
    records = cluster.clean_inputs(spark, items, SETTINGS, Feed(), partitions=3, clean=flaky)
    cluster.write_records(spark, records, str(tmp_path / "out"), "jsonl.gz")
    got = cluster.read_back(str(tmp_path / "out"))
    assert failed.exists(), "the task did not fail: nothing was retried"
    assert sorted(r["id"] for r in got) == [f"{i:02d}" for i in range(12)]


def test_a_failed_job_leaves_no_success_marker(spark, tmp_path):
    def broken(items, settings, feed, counts):
        raise RuntimeError("every attempt fails")
        yield  # a generator, as clean_partition

    (tmp_path / "a.txt").write_text(ARTICLE)
    records = cluster.clean_inputs(spark, cluster.list_inputs(spark, [str(tmp_path / "a.txt")]), SETTINGS, Feed(),
                                   clean=broken)
    with pytest.raises(Exception):
        cluster.write_records(spark, records, str(tmp_path / "out"), "jsonl")
    assert not (tmp_path / "out" / "_SUCCESS").exists()


def test_clean_dataframe_with_the_schema_of_the_record(spark):
    html = (ROOT / "seeds" / "005_harbourtimes.html").read_text()
    text = (ROOT / "seeds" / "003_14e36000ea184500.txt").read_text()
    df = spark.createDataFrame([("h1", "https://www.harbourtimes.example/x", html), ("t1", None, text),
                                ("e1", None, "")], ["id", "url", "page"])
    records = cluster.clean_dataframe(df, text_col="page", settings=SETTINGS)
    assert records.schema == cluster.record_schema()
    rows = {row["id"]: row for row in records.collect()}
    local = Cleaner(SETTINGS)
    assert rows["h1"]["headline"] == local.clean(html, url="https://www.harbourtimes.example/x").headline
    assert rows["t1"]["byline"] == list(local.clean(text).byline) and rows["t1"]["site"] == "iranfocus"
    assert rows["e1"]["error"]["type"] == "empty"


def test_parquet_output(spark, tmp_path):
    items = cluster.list_inputs(spark, [str(ROOT / "seeds")])
    cluster.write_records(spark, cluster.clean_inputs(spark, items, SETTINGS, Feed()), str(tmp_path / "out"), "parquet")
    rows = spark.read.parquet(str(tmp_path / "out")).collect()
    assert sorted(r["id"] for r in rows) == sorted(p.name.split(".")[0] for p in (ROOT / "seeds").iterdir())


def test_a_manifest_lists_inputs(spark, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "manifest.txt").write_text("# inputs\na.txt\n\n")
    names = cluster.read_manifest(spark, str(tmp_path / "manifest.txt"), prefix=str(tmp_path) + "/")
    assert [Path(i.source).name for i in cluster.list_inputs(spark, names)] == ["a.txt"]


def test_stories_as_clean_articles_gives_them(spark, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(3):
        for seed in sorted((ROOT / "seeds").glob("00[0-4]_*.txt")):
            shutil.copy(seed, folder / f"{k}-{seed.name}")
    result = subprocess.run([command("clean-articles"), str(folder), "-o", str(tmp_path / "expected.jsonl"), "-q",
                             "--stories"], timeout=300)
    expected = {Path(r["source"]).name: r["story"]
                for r in map(json.loads, (tmp_path / "expected.jsonl").read_text().splitlines())}
    counts = cluster.new_counts(spark.sparkContext)
    records = cluster.clean_inputs(spark, cluster.list_inputs(spark, [str(folder)]), SETTINGS, Feed(), 4, counts)
    got = {Path(r["source"]).name: r["story"] for r in cluster.with_stories(records, 4).collect()}
    assert result.returncode == 0 and got == expected
    assert len(set(got.values())) == 4  # 000 and 001 are one story
    assert counts["cleaned"].value == len(got)  # each input cleaned once


def test_the_command(tmp_path):
    mixed_corpus(tmp_path / "in")
    expected = clean_articles(tmp_path / "in", tmp_path / "expected.jsonl")
    result = subprocess.run([command("clean-articles-spark"), str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                             "--master", "local[2]", "--partitions", "3"], capture_output=True, timeout=600)
    err = result.stderr.decode()
    assert result.returncode == 1, err  # broken files: exit 1, as clean-articles
    assert without_source(cluster.read_back(str(tmp_path / "out"))) == without_source(expected)
    failed = sum("error" in r for r in expected)
    assert f"read {len(expected)}, cleaned {len(expected) - failed - 1}, failed {failed}, skipped 1" in err
    again = subprocess.run([command("clean-articles-spark"), str(tmp_path / "in"), "-o", str(tmp_path / "out")],
                           capture_output=True, timeout=120)
    assert again.returncode == 2 and b"exists" in again.stderr
