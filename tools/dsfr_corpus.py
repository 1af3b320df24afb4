"""Write tests/corpus/dsfr-examples.tsv: what ``check`` (static) finds on the DSFR
team's example pages, in the pinned npm package (node_modules/@gouvfr/dsfr/example).

    python tools/dsfr_corpus.py            write the file
    python tools/dsfr_corpus.py --check    exit 1 when it is not what check finds

Every finding of an error rule there must be a true defect of those pages: when
the pinned DSFR release or a rule changes, run it, review the diff line by line,
and commit the file with the change (tests/test_dsfr_corpus.py compares).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from dsfr_accordion.audit.static import audit_file

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "example"
CORPUS = ROOT / "tests" / "corpus" / "dsfr-examples.tsv"

HEADER = """\
# The findings of `check` (static) on the DSFR example pages of the pinned npm package.
# Written by tools/dsfr_corpus.py; reviewed by a person: every error is a true defect.
# Reviewed on DSFR 1.15.3: invalid-id is id="[url - à modifier]", a placeholder
# left on every page; duplicate-id, ids reused on one page (input-sample, link-3,
# ...); heading-skip, h1 then h3 (or deeper) on most pages; dangling-reference,
# for="checkbox-mixed-indeterminate" with no such id; parse-error, the 3 of
# tests/test_parse_errors.py. Warnings (inline-handler, javascript-url) are the
# onclick of the notice and share buttons and one javascript: link.
# page\tline\tcolumn\trule\tseverity\tmessage
"""


def rows() -> Iterator[str]:
    """One tab-separated line per finding, pages in path order, findings in page order."""
    for path in sorted(EXAMPLES.rglob("*.html")):
        page = path.relative_to(EXAMPLES).as_posix()
        for finding in audit_file(path).findings:
            fields = (page, finding.line, finding.column, finding.code, finding.kind.severity.value)
            yield "\t".join(map(str, (*fields, finding.message("en"))))


def text() -> str:
    return HEADER + "".join(f"{row}\n" for row in rows())


def main(check: bool) -> int:
    if not EXAMPLES.is_dir():
        print(f"{EXAMPLES}: missing; run make test (npm ci)", file=sys.stderr)
        return 2
    wanted = text()
    if check:
        if not CORPUS.is_file() or CORPUS.read_text(encoding="utf-8") != wanted:
            print(
                f"{CORPUS.relative_to(ROOT)}: stale; run python tools/dsfr_corpus.py",
                file=sys.stderr,
            )
            return 1
        return 0
    CORPUS.write_text(wanted, encoding="utf-8")
    print(f"wrote {CORPUS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(check="--check" in sys.argv[1:]))
