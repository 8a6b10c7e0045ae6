#!/usr/bin/env bash
# Adds a migration to a DbContext for both database providers (SQLite and PostgreSQL).
#
#   tools/add-migration.sh <project folder> <MigrationName> [DbContext name]
#
#   tools/add-migration.sh src/CrmBlazor.Host AddSegments
#   tools/add-migration.sh plugins/Projects AddMilestones
#
# Each provider has its own migration set in Data/Migrations/<Provider>, in the namespace
# <RootNamespace>.Data.Migrations.<Provider>; the host applies the set of the configured provider.
# Plugin projects are built with CrmDesignTime=true so that `dotnet ef` can create their context
# (see build/CrmPlugin.targets and CrmBlazor.Data.DesignTime.PluginDesignTimeFactory).
set -euo pipefail
cd "$(dirname "$0")/.."
project=${1:?project folder}; name=${2:?migration name}; context=${3:-}
export CrmDesignTime=true
dotnet tool restore >/dev/null
root_ns=$(dotnet msbuild "$project" -getProperty:RootNamespace)
dotnet build "$project" -v q -nologo >/dev/null
for provider in Sqlite Postgres; do
  out="Data/Migrations/$provider"
  CRM_DB_PROVIDER=$provider dotnet ef migrations add "$name" --no-build \
    --project "$project" --startup-project "$project" \
    --output-dir "$out" --namespace "$root_ns.Data.Migrations.$provider" ${context:+--context "$context"}
  # Both sets would otherwise hold a snapshot class and file of the same name, and `dotnet ef` could
  # update the wrong one; the provider goes into the snapshot's name when the set is created.
  # A new snapshot may land in a folder derived from its namespace; it belongs next to its migrations.
  find "$project" -name '*ModelSnapshot.cs' -not -path '*/obj/*' -not -path '*/bin/*' -not -path "$project/Data/Migrations/*" \
    -exec mv {} "$project/$out/" \;
  find "$project" -mindepth 1 -type d -empty -not -path '*/obj/*' -not -path '*/bin/*' -delete
  for snapshot in "$project/$out"/*ModelSnapshot.cs; do
    base=$(basename "$snapshot" .cs)
    case "$base" in *"$provider"ModelSnapshot) continue ;; esac
    renamed="${base%ModelSnapshot}${provider}ModelSnapshot"
    sed -i "s/partial class $base\b/partial class $renamed/" "$snapshot"
    mv "$snapshot" "$project/$out/$renamed.cs"
  done
done
