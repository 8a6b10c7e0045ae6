#!/usr/bin/env bash
# Adds a migration to the plugin's DbContext for both database providers (SQLite and PostgreSQL):
#
#   ./add-migration.sh AddPriority
#
# The plugin is built with CrmDesignTime=true (which adds the CrmBlazor.Sdk.Design package and compiles
# Data/DesignTimeFactory.cs), then `dotnet ef migrations add` runs once per provider, into
# Data/Migrations/Sqlite and Data/Migrations/Postgres. The host applies the set of the provider it runs on.
set -euo pipefail
cd "$(dirname "$0")"
name=${1:?migration name, e.g. AddPriority}
project=src/Acme.Tickets
export CrmDesignTime=true
dotnet tool restore >/dev/null
dotnet build "$project" -v q -nologo
for provider in Sqlite Postgres; do
  out="Data/Migrations/$provider"
  CRM_DB_PROVIDER=$provider dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project "$project" \
    --output-dir "$out" --namespace "Acme.Tickets.Data.Migrations.$provider"
  # Both sets would otherwise hold a snapshot class and file of the same name, and `dotnet ef` could
  # update the wrong one: the provider goes into the snapshot's name when the set is created. A new
  # snapshot may land in a folder derived from its namespace; it belongs next to its migrations.
  find "$project" -name '*ModelSnapshot.cs' -not -path '*/obj*/*' -not -path '*/bin*/*' -not -path "$project/Data/Migrations/*" \
    -exec mv {} "$project/$out/" \;
  find "$project" -mindepth 1 -type d -empty -not -path '*/obj*' -not -path '*/bin*' -delete
  for snapshot in "$project/$out"/*ModelSnapshot.cs; do
    base=$(basename "$snapshot" .cs)
    case "$base" in *"$provider"ModelSnapshot) continue ;; esac
    renamed="${base%ModelSnapshot}${provider}ModelSnapshot"
    sed -i.bak "s/partial class $base\b/partial class $renamed/" "$snapshot" && rm -f "$snapshot.bak"
    mv "$snapshot" "$project/$out/$renamed.cs"
  done
done
