#!/usr/bin/env bash
# Starts the local PostgreSQL cluster and creates the pairwise role and databases; idempotent.
# Used by CI and by developers who want the PostgreSQL tests (or the postgres profile) locally.
set -euo pipefail
version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
if [ -z "$version" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q && break
  sleep 1
done
psql_as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -tAc \"$1\""; }
[ "$(psql_as_postgres "SELECT 1 FROM pg_roles WHERE rolname='pairwise'")" = 1 ] \
  || psql_as_postgres "CREATE ROLE pairwise LOGIN PASSWORD 'pairwise' CREATEDB"
for db in pairwise pairwise_test; do
  [ "$(psql_as_postgres "SELECT 1 FROM pg_database WHERE datname='$db'")" = 1 ] \
    || psql_as_postgres "CREATE DATABASE $db OWNER pairwise"
done
echo "PostgreSQL $version is up with role pairwise and databases pairwise, pairwise_test"
