#!/usr/bin/env bash
# Installs Debian's PostgreSQL when missing, starts a cluster on 127.0.0.1, and creates a role
# and a database for the tests. Writes var/ci-postgres.env with the connection URL.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing Debian's postgresql"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$version" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  $SUDO pg_createcluster "$version" main
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi

password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
role=longread_ci
database=longread_ci
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -v ON_ERROR_STOP=1 -q -c \"DO \\\$\\\$ BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    ALTER ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
  ELSE
    CREATE ROLE $role WITH LOGIN CREATEDB PASSWORD '$password';
  END IF; END \\\$\\\$;\""
as_postgres "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname = '$database'\" | grep -q 1 || createdb -O $role $database"

# A test database left by an interrupted run would stop pytest-django from creating its own
# (one per parallel worker: test_<name>_gw0, test_<name>_gw1, ...).
leftovers=$(as_postgres "psql -q -At -c \"SELECT datname FROM pg_database WHERE datname = 'test_$database' OR datname LIKE 'test_${database}_gw%';\"")
for name in $leftovers; do
  as_postgres "psql -q -c \"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$name';\" -c \"DROP DATABASE IF EXISTS $name;\"" >/dev/null
done

port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
mkdir -p var
cat > var/ci-postgres.env <<ENV
CI_DATABASE_URL=postgres://$role:$password@127.0.0.1:$port/$database
PGDATABASE_NAME=$database
ENV
echo "PostgreSQL $version is up on 127.0.0.1:$port"
