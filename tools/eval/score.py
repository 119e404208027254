"""Score chatlint's findings against blind labels.

LABELS=a.jsonl,b.jsonl ROOT=/tmp/blindN/tree python score.py CHECKOUT [--json findings.json] [--show]
A finding of CLxxx matches a label of the family CLxxx stands for when the paths are equal and the finding's line is
the label's line or a line in its trail (within 1), or a line of the call that starts on the label's line (a multi-line
call: the label names its first line, the finding the line of its flag), or a line its fix edits in its file (a
helper's tokenization, which the protocol names as the site: where the fix goes), or a related location of the
finding that tokenizes (a helper of another file the finding hands the text to: `related` with "tokeniz" in its
note). Bug labels found -> recall; a finding matched only to ok labels
is false; a finding matched to nothing or only to unsure labels is unsure.
"""

import ast
import collections
import functools
import json
import os
import subprocess
import sys

FAMILY = {"CL001": "F1", "CL002": "F2", "CL003": "F3", "CL004": "F4", "CL005": "F5"}


def load_labels():
    labels = []
    for f in os.environ["LABELS"].split(","):
        for ln in open(f):
            ln = ln.strip()
            if ln:
                try:
                    labels.append(json.loads(ln))
                except json.JSONDecodeError:
                    print("bad label line:", ln[:100], file=sys.stderr)
    return labels


@functools.cache
def _call_spans(path):
    """The lines each call of the file at `path` (from the tree's root) spans, by its first line."""
    spans = collections.defaultdict(set)
    try:
        tree = ast.parse(open(os.path.join(os.environ.get("ROOT", ""), path), encoding="utf-8").read())
    except (OSError, SyntaxError, ValueError):
        return spans
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            spans[node.lineno].update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return spans


def lines_of(label):
    out = {(label["path"], int(label["line"]))}
    out.update((label["path"], n) for n in _call_spans(label["path"]).get(int(label["line"]), ()))
    for t in label.get("trail", []) or []:
        if ":" in t:
            p, _, n = t.rpartition(":")
            try:
                out.add((in_project(label, os.path.normpath(p)), int(n)))
            except ValueError:
                pass
    return out


def in_project(label, path):
    """A label's path from the tree's root: labels may give it from the project's folder instead."""
    project = label.get("project", "")
    root = os.environ.get("ROOT", "")
    if project and os.path.exists(os.path.join(root, project, path)):
        return os.path.join(project, path)
    return path


def check_folder(checkout, folder):
    """The JSON findings of the chatlint at `checkout`, run in `folder` as its user would (the project's declared
    dependencies found there, no cache, no network); None when it fails or runs past two minutes."""
    env = dict(os.environ, PYTHONPATH=checkout, CHATLINT_NO_CACHE="1", HF_HUB_OFFLINE="1")
    try:
        r = subprocess.run(
            [sys.executable, "-m", "chatlint", "check", "--output-format", "json", "--exit-zero", "-q", "."],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except subprocess.TimeoutExpired:
        print("chatlint TIMED OUT in", folder, file=sys.stderr)
        return None
    # exit 2 with a report: some files could not be checked (each named on stderr); the others' findings count
    if r.returncode not in (0, 2) or not r.stdout.strip():
        print("chatlint failed in", folder, r.stderr[-500:], file=sys.stderr)
        return None
    if r.returncode == 2:
        print("chatlint could not check some files in", folder, r.stderr[-300:], file=sys.stderr)
    return json.loads(r.stdout)


def run(checkout, root):
    """chatlint run in each project's folder, its paths made relative to `root`."""
    data = []
    for project in sorted(os.listdir(root)):
        folder = os.path.join(root, project)
        found = check_folder(checkout, folder) if os.path.isdir(folder) else None
        for f in found or []:
            f["path"] = os.path.join(project, f["path"])
            for related in f.get("related") or []:
                related["path"] = os.path.join(project, related["path"])
            data.append(f)
    if "--save" in sys.argv:
        json.dump(data, open(sys.argv[sys.argv.index("--save") + 1], "w"))
    return data


def main():
    args = sys.argv[1:]
    root = os.environ["ROOT"]
    if "--json" in args:
        data = json.load(open(args[args.index("--json") + 1]))
    else:
        data = run(os.path.abspath(args[0]), root)
    findings = data if isinstance(data, list) else data.get("findings", data.get("results", []))
    labels = load_labels()

    def norm(p):
        return os.path.normpath(p).lstrip("./")

    for lb in labels:
        lb["path"] = in_project(lb, norm(lb["path"]))
    found_bug = set()
    verdicts = collections.Counter()
    rows = []
    for f in findings:
        code = f.get("code") or f.get("rule")
        fam = FAMILY.get(code)
        path = norm(f.get("path") or f.get("filename"))
        line = int(f.get("line") or f.get("location", {}).get("row"))
        if fam is None:
            rows.append(("other", code, path, line, f.get("message", "")[:140]))
            continue
        # the finding's line, the lines its fix edits in its file (a helper's tokenization, where the fix goes),
        # and the tokenizations it names as related (a helper in another file)
        places = [(path, line)] + [(path, int(edit["line"])) for edit in ((f.get("fix") or {}).get("edits") or [])]
        places += [(norm(r["path"]), int(r["line"])) for r in f.get("related") or [] if "tokeniz" in r.get("note", "")]
        matched = [
            i
            for i, lb in enumerate(labels)
            if lb["family"] == fam
            and any(p == where and abs(n - place) <= 1 for p, n in lines_of(lb) for where, place in places)
        ]
        vs = {labels[i]["verdict"] for i in matched}
        if "bug" in vs:
            v = "true"
            found_bug.update(i for i in matched if labels[i]["verdict"] == "bug")
        elif "ok" in vs:
            v = "false"
        else:
            v = "unsure"
        verdicts[v] += 1
        rows.append((v, code, path, line, f.get("message", "")[:140]))
    bugs = [i for i, lb in enumerate(labels) if lb["verdict"] == "bug" and lb["family"] in FAMILY.values()]
    by_fam = collections.defaultdict(lambda: [0, 0])
    by_proj = collections.defaultdict(lambda: [0, 0])
    for i in bugs:
        lb = labels[i]
        by_fam[lb["family"]][1] += 1
        by_proj[lb["project"]][1] += 1
        if i in found_bug:
            by_fam[lb["family"]][0] += 1
            by_proj[lb["project"]][0] += 1
    print(f"findings: true {verdicts['true']} / false {verdicts['false']} / unsure {verdicts['unsure']}")
    print(f"recall: {len(found_bug & set(bugs))}/{len(bugs)}")
    print("by family:", {k: f"{a}/{b}" for k, (a, b) in sorted(by_fam.items())})
    print("by project:", {k: f"{a}/{b}" for k, (a, b) in sorted(by_proj.items())})
    if "--show" in args:
        for r in sorted(rows, key=lambda r: (r[0], r[2], r[3])):
            print(*r, sep=" | ")
        print("-- missed bugs:")
        for i in bugs:
            if i not in found_bug:
                lb = labels[i]
                print(lb["family"], lb["path"], lb["line"], lb.get("kind"), "|", lb.get("why", "")[:160])


if __name__ == "__main__":
    main()
