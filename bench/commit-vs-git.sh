#!/bin/bash
# bench/commit-vs-git.sh DIR RUNS: steward commit vs git add -A && git commit, alternating;
# 100 labels rewritten before each (DIR: a writable clone of a fixture, never a shared one)
B=$(cd $(dirname $0) && pwd); dir=$(cd $1 && pwd); runs=$2; S=$B/../bin/steward.js
export GIT_AUTHOR_NAME=B GIT_AUTHOR_EMAIL=b@x.org GIT_COMMITTER_NAME=B GIT_COMMITTER_EMAIL=b@x.org
cd $dir
for r in $(seq 1 $runs); do
  node $B/rewrite-labels.mjs . 100 s$r$RANDOM
  /usr/bin/time -f "steward-commit %e wall %U user %S sys %M KB" node $S commit -m s$r --dir . >/dev/null
  node $B/rewrite-labels.mjs . 100 g$r$RANDOM
  /usr/bin/time -f "git-add-commit %e wall %U user %S sys %M KB" sh -c 'git add -A labels && git commit -q -m g'
  uptime
done
