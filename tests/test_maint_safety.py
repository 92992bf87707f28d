"""cleaner-rules writes only inside the project, never replaces a pack unless asked, and answers
every command-line mistake with one line on stderr and exit 2 (real files in tmp_path)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from cleaner.goldens import find_project
from cleaner.maint.cli import main
from cleaner.rulepack import load_packs

from conftest import command

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "002_f86104903fd60d1c.txt"
AD_CONFIG = "strip: //div[@class='ad']\n"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def listing(folder: Path) -> list[str]:
    """Every file and folder below ``folder``, relative to it, sorted."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def assert_one_line_mistake(result, *words: str):
    """Exit 2, exactly one line on stderr, naming each of ``words``, and no traceback."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert all(w in lines[0] for w in words), lines[0]
    assert "Traceback" not in result.output


def make_project(folder: Path, *, all_rules: bool = False) -> Path:
    """A project: rules/ (the generic pack, or all packs), one seed with its golden."""
    if all_rules:
        shutil.copytree(ROOT / "rules", folder / "rules")
    else:
        (folder / "rules").mkdir(parents=True)
        shutil.copy(ROOT / "rules" / "generic.yaml", folder / "rules")
    (folder / "seeds").mkdir()
    shutil.copy(SEED, folder / "seeds")
    (folder / "golden").mkdir()
    shutil.copy(ROOT / "golden" / (SEED.stem + ".json"), folder / "golden")
    return folder


def dumps_in(folder: Path) -> list[Path]:
    """Two dumps of one made-up site, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i, seed in enumerate(sorted(ROOT.glob("seeds/00[23]*.txt"))):
        out.append(folder / f"dump{i}.txt")
        out[-1].write_text(seed.read_text().replace("News On Iran & Its Neighbours", "Example Site Menu Bar"))
    return out


# new-site -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../../x", "ABS", "Bad Name!", "x/y", ".hidden", "x\n"])
def test_new_site_refuses_a_name_that_is_no_pack_id(tmp_path, monkeypatch, name):
    project = make_project(tmp_path / "a" / "b" / "project")
    dumps = dumps_in(tmp_path / "dumps")
    name = str(tmp_path / "abs" / "x") if name == "ABS" else name
    monkeypatch.chdir(project)
    before = listing(tmp_path)
    result = invoke("new-site", name, *dumps)
    assert_one_line_mistake(result, "not a valid pack id")
    assert listing(tmp_path) == before


def test_new_site_with_root_refuses_a_bad_name_too(tmp_path):
    project = make_project(tmp_path / "a" / "project")
    dumps = dumps_in(tmp_path / "dumps")
    before = listing(tmp_path)
    assert_one_line_mistake(invoke("new-site", "../../x", *dumps, "--root", project), "not a valid pack id")
    assert listing(tmp_path) == before


def test_new_site_outside_any_project_creates_nothing(tmp_path, monkeypatch):
    if find_project(tmp_path) is not None:
        pytest.skip(f"a folder above {tmp_path} has a rules/ folder")
    dumps = dumps_in(tmp_path / "here")
    monkeypatch.chdir(tmp_path / "here")
    before = listing(tmp_path)
    result = invoke("new-site", "example", *dumps)
    assert_one_line_mistake(result, "not inside a cleaner project", "--root")
    assert listing(tmp_path) == before


def test_new_site_with_a_root_that_does_not_exist(tmp_path):
    dumps = dumps_in(tmp_path / "dumps")
    before = listing(tmp_path)
    assert_one_line_mistake(invoke("new-site", "example", *dumps, "--root", tmp_path / "nope"), "--root")
    assert listing(tmp_path) == before


def test_new_site_from_a_sub_folder_writes_into_the_project(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    work = project / "work" / "deep"
    dumps = dumps_in(work)
    monkeypatch.chdir(work)
    result = invoke("new-site", "example.com", *dumps)
    assert result.exit_code == 0, result.output
    assert (project / "rules" / "example.com.yaml").is_file()
    assert sorted(p.name for p in (project / "seeds").glob("*_example.com_*")) == [
        "003_example.com_1.txt", "004_example.com_2.txt"]
    assert {p.stem for p in (project / "golden").glob("*.json")} >= {"003_example.com_1", "004_example.com_2"}
    assert listing(work) == ["dump0.txt", "dump1.txt"]  # no rules/ seeds/ golden/ where it stands
    assert "example.com" in {p.id for p in load_packs(project / "rules").all}


def test_new_site_refuses_an_existing_pack_and_a_taken_id(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    dumps = dumps_in(tmp_path / "dumps")
    (project / "rules" / "other.yaml").write_text(
        "id: example\ndescription: d\nmatch: {domains: [example.com]}\nrules: []\n")
    monkeypatch.chdir(project)
    before = listing(tmp_path)
    assert_one_line_mistake(invoke("new-site", "example", *dumps), "already used by", "other.yaml")
    assert_one_line_mistake(invoke("new-site", "generic", *dumps), "generic.yaml exists")
    assert listing(tmp_path) == before


def test_new_site_seed_names_take_only_seed_suffixes(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    dump = tmp_path / "page.JSON"
    dump.write_text(SEED.read_text())
    monkeypatch.chdir(project)
    assert invoke("new-site", "example", dump).exit_code == 0
    assert [p.name for p in (project / "seeds").glob("*_example_*")] == ["003_example_1.txt"]
    assert "003_example_1" in invoke("goldens").output


def test_new_site_as_an_installed_command(tmp_path):
    project = make_project(tmp_path / "project")
    dumps = dumps_in(tmp_path / "dumps")
    before = listing(tmp_path)
    done = subprocess.run([command("cleaner-rules"), "new-site", "../../x", *map(str, dumps)],
                          cwd=project, capture_output=True, text=True)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and "not a valid pack id" in done.stderr, done.stderr
    assert listing(tmp_path) == before


# goldens ------------------------------------------------------------------------------------

def test_goldens_from_a_sub_folder(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project", all_rules=True)
    (project / "notes" / "deep").mkdir(parents=True)
    monkeypatch.chdir(project / "notes" / "deep")
    result = invoke("goldens")
    assert result.exit_code == 0, result.output
    assert "0 to review" in result.stderr
    (project / "rules" / "iranfocus.yaml").unlink()
    changed = invoke("goldens")
    assert changed.exit_code == 1 and '-  "site": "iranfocus"' in changed.output


def test_goldens_mistakes_are_one_line(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project", all_rules=True)
    monkeypatch.chdir(project)
    assert_one_line_mistake(invoke("goldens", "--accept", "no-such-seed"), "no-such-seed")
    shutil.rmtree(project / "seeds")
    assert_one_line_mistake(invoke("goldens"), "no seeds/ folder")
    if find_project(tmp_path) is None:
        monkeypatch.chdir(tmp_path)
        assert_one_line_mistake(invoke("goldens"), "not inside a cleaner project")


# import-ftr ---------------------------------------------------------------------------------

def test_import_ftr_keeps_an_existing_pack_unless_forced(tmp_path):
    out = tmp_path / "rules"
    out.mkdir()
    shutil.copy(ROOT / "rules" / "generic.yaml", out)
    old = (out / "generic.yaml").read_bytes()
    (tmp_path / "generic.txt").write_text(AD_CONFIG)
    (tmp_path / "example.com.txt").write_text(AD_CONFIG)
    result = invoke("import-ftr", tmp_path / "generic.txt", tmp_path / "example.com.txt", "-o", out)
    assert result.exit_code == 1
    assert f"{out / 'generic.yaml'} exists (use --force to replace it)" in result.stderr
    assert (out / "generic.yaml").read_bytes() == old
    assert (out / "example.com.yaml").is_file()  # went on with the others
    forced = invoke("import-ftr", tmp_path / "generic.txt", "-o", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / "generic.yaml").read_bytes() != old
    assert "//div[@class='ad']" in (out / "generic.yaml").read_text()


def test_import_ftr_refuses_an_id_another_pack_file_has(tmp_path):
    out = tmp_path / "rules"
    out.mkdir()
    other = out / "older.yaml"
    other.write_text("id: example.com\ndescription: d\nmatch: {domains: [example.com]}\nrules: []\n")
    (tmp_path / "example.com.txt").write_text(AD_CONFIG)
    for extra in ((), ("--force",)):
        result = invoke("import-ftr", tmp_path / "example.com.txt", "-o", out, *extra)
        assert result.exit_code == 1 and "already used by" in result.stderr
        assert sorted(p.name for p in out.iterdir()) == ["older.yaml"]
    assert yaml.safe_load(other.read_text())["id"] == "example.com"
    load_packs(out)  # still loads: no duplicate id


def test_import_ftr_default_out_is_the_project_rules(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project")
    (project / "sub").mkdir()
    (project / "sub" / "example.com.txt").write_text(AD_CONFIG)
    monkeypatch.chdir(project / "sub")
    assert invoke("import-ftr", "example.com.txt").exit_code == 0
    assert (project / "rules" / "example.com.yaml").is_file()
    assert not (project / "sub" / "rules").exists()


def test_import_ftr_outside_a_project_needs_out(tmp_path, monkeypatch):
    if find_project(tmp_path) is not None:
        pytest.skip(f"a folder above {tmp_path} has a rules/ folder")
    (tmp_path / "example.com.txt").write_text(AD_CONFIG)
    monkeypatch.chdir(tmp_path)
    before = listing(tmp_path)
    assert_one_line_mistake(invoke("import-ftr", "example.com.txt"), "not inside a cleaner project", "-o")
    assert listing(tmp_path) == before


# every command ------------------------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["explain", "missing.txt"], ["missing.txt"]),
    (["explain", "page.txt", "--rules", "missing"], ["missing"]),
    (["check", "missing"], ["missing"]),
    (["check", "rules", "--seeds", "missing"], ["missing"]),
    (["coverage", "missing"], ["missing"]),
    (["new-site", "example", "missing.txt"], ["missing.txt"]),
    (["new-site", "example", "page.txt", "--root", "missing"], ["--root"]),
    (["new-site", "example", "page.txt", "--root", "page.txt"], ["--root"]),
    (["goldens", "--root", "missing"], ["--root"]),
    (["import-ftr", "missing.txt"], ["missing.txt"]),
    (["import-ftr", "page.txt", "-o", "page.txt/out"], ["page.txt/out"]),
    (["no-such-command"], ["no-such-command"]),
    (["explain", "--no-such-option", "page.txt"], ["--no-such-option"]),
])
def test_command_line_mistakes_are_one_line(tmp_path, monkeypatch, args, words):
    (tmp_path / "rules").mkdir()
    (tmp_path / "page.txt").write_text("strip: //div\n")
    monkeypatch.chdir(tmp_path)
    before = listing(tmp_path)
    assert_one_line_mistake(invoke(*args), *words)
    assert listing(tmp_path) == before
