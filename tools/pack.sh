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
dotnet publish src/CrmBlazor.Host -c "$configuration" -o "$work/host" -v q -nologo -p:UseAppHost=false
# The package carries the host for the machines plugin authors develop on; native debug symbols and
# native libraries for other platforms (WebAssembly, mainframes, 32-bit...) would make it ten times larger.
find "$work/host" -name '*.pdb' -delete
for rid in "$work/host/runtimes/"*; do
  case "$(basename "$rid")" in
    linux-x64|linux-arm64|linux-musl-x64|linux-musl-arm64|osx|osx-x64|osx-arm64|win-x64|win-arm64) ;;
    *) rm -rf "$rid" ;;
  esac
done

for project in src/CrmBlazor.Sdk src/CrmBlazor.Data src/CrmBlazor.PluginTesting; do
  echo "Packing $project"
  dotnet pack "$project" -c "$configuration" -o "$out" -v q -nologo -p:CrmTestingHostDirectory="$work/host"
done

version=$(dotnet msbuild src/CrmBlazor.Sdk -getProperty:Version)
echo "Packages $version in $out:"
ls -l "$out"/*."$version".nupkg
