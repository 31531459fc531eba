#!/usr/bin/env python3
"""Golden master of the sample pack: every file of the pack and its restricted
folder (except timings.json, which holds wall-clock times) has the SHA-256
recorded in sample_pack.sha256. A refactor must leave them all unchanged; a
change of output on purpose updates the list in the same commit, so the review
shows which files changed:

    golden_pack.py check  PACK_DIR     # exit 1 and the differing files
    golden_pack.py update PACK_DIR     # rewrite sample_pack.sha256

The pack must be written to a folder named pack-out (the manifest names its
restricted folder relative to it), as the ctest fixture pack_run does."""
import hashlib
import pathlib
import sys

LIST = pathlib.Path(__file__).with_name("sample_pack.sha256")
SKIP = {"timings.json"}


def digests(pack):
    out = {}
    for folder in (pack, pack.with_name(pack.name + "-restricted")):
        for f in sorted(folder.iterdir()):
            if f.name not in SKIP:
                out[f"{folder.name}/{f.name}"] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def main():
    mode, pack = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    if pack.name != "pack-out":
        sys.exit(f"golden_pack.py: the pack folder must be named pack-out, not {pack.name}")
    now = digests(pack)
    if mode == "update":
        LIST.write_text("".join(f"{h}  {name}\n" for name, h in sorted(now.items())))
        print(f"wrote {len(now)} digests to {LIST}")
        return
    want = dict(reversed(line.split("  ", 1)) for line in LIST.read_text().splitlines())
    changed = sorted(n for n in now.keys() & want.keys() if now[n] != want[n])
    added, missing = sorted(now.keys() - want.keys()), sorted(want.keys() - now.keys())
    for label, names in (("changed", changed), ("new", added), ("missing", missing)):
        for n in names:
            print(f"{label}: {n}")
    if changed or added or missing:
        print(f"The sample pack differs from {LIST.name} in {len(changed) + len(added) + len(missing)} of "
              f"{len(want)} files. If the change is on purpose, run: {sys.argv[0]} update {pack}")
        sys.exit(1)
    print(f"all {len(want)} files of the sample pack equal the golden master")


main()
