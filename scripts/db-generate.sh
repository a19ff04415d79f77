#!/usr/bin/env bash
# Regenerates the migration history from every tables.ts. While Linli is unreleased the history
# is one file (0000_init.sql); once a release ships, use `npx drizzle-kit generate` to append.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/linli-drizzle.lock
flock 9
if [ "${LINLI_APPEND_MIGRATION:-0}" = 1 ]; then
  npx drizzle-kit generate
else
  rm -rf migrations
  npx drizzle-kit generate --name init
fi
