#!/usr/bin/env bash
# Fills fuzz/corpus/<target> with the project's own files as starting points: rule files,
# plans, JSON plans, and for `check` the national rules joined to each bundled plan by a NUL
# byte. Run from anywhere; the corpora are not committed.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/rules corpus/plan corpus/json_plan corpus/json_differential corpus/check
copy() { # copy FILE DIR: named by content, so running twice adds nothing
    cp "$1" "$2/$(sha1sum "$1" | cut -c1-16)"
}
find ../rules ../fixtures ../tests -name '*.rules' -print0 | while IFS= read -r -d '' f; do copy "$f" corpus/rules; done
find ../fixtures ../tests -name '*.plan' -print0 | while IFS= read -r -d '' f; do copy "$f" corpus/plan; done
find ../fixtures ../tests -name '*.json' -print0 | while IFS= read -r -d '' f; do
    copy "$f" corpus/json_plan
    copy "$f" corpus/json_differential
done
for plan in ../fixtures/plans/*.plan; do
    joined=$(mktemp)
    { cat ../rules/national.rules; printf '\0'; cat "$plan"; } > "$joined"
    copy "$joined" corpus/check
    rm "$joined"
done
for d in corpus/*; do echo "$d: $(ls "$d" | wc -l) files"; done
