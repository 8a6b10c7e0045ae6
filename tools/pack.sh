#!/usr/bin/env bash
# Packs everything a plugin built outside this repository needs into one folder, a local NuGet feed:
#
#   tools/pack.sh [output folder]        (default: artifacts/packages/)
#
# CRM_PACK_CONFIGURATION=Debug packs the Debug build (the plugin kit's test does, to reuse the build
# `dotnet test` has just made); the default is Release.
#
#   CrmBlazor.Sdk          the contracts and the UI kit, with the build files that make a project a plugin
#   CrmBlazor.Sdk.Design   what `dotnet ef` needs to add a plugin's migrations for both providers
#   CrmBlazor.Testing      the test harness, carrying the published host it starts
#
# Every package has the SDK's version (<Version> in src/CrmBlazor.Sdk/CrmBlazor.Sdk.csproj). Point a
# plugin's nuget.config at the folder; the crm-plugin template (templates/crm-plugin) does.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-artifacts/packages}")
work="$(dirname "$out")/pack-work"
configuration=${CRM_PACK_CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rm -rf "$work/host"
mkdir -p "$out" "$work"
echo "Publishing the host for CrmBlazor.Testing"
# Only the platforms plugin authors develop on, without debug symbols (build/packages/CrmBlazor.Testing.Host.targets).
dotnet publish src/CrmBlazor.Host -c "$configuration" -o "$work/host" -v q -nologo -p:UseAppHost=false \
  -p:CustomAfterMicrosoftCommonTargets="$PWD/build/packages/CrmBlazor.Testing.Host.targets"

for project in src/CrmBlazor.Sdk src/CrmBlazor.Data src/CrmBlazor.PluginTesting; do
  echo "Packing $project"
  dotnet pack "$project" -c "$configuration" -o "$out" -v q -nologo -p:CrmTestingHostDirectory="$work/host"
done

version=$(dotnet msbuild src/CrmBlazor.Sdk -getProperty:Version)
echo "Packages $version in $out:"
ls -l "$out"/*."$version".nupkg
