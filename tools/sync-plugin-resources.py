#!/usr/bin/env python3
"""Writes a plugin's English resource file from the texts its code shows, English text being the key.

  python3 tools/sync-plugin-resources.py plugins/Projects ProjectsResources           writes the file
  python3 tools/sync-plugin-resources.py plugins/Projects ProjectsResources --check   fails, naming the keys,
                                                   when the file is not what the code says (tools/test.sh)

Collected: L["..."] in components and code-behind; messages for users (new Problem("..."),
ValidationResult("..."), ErrorMessage = "..."); titles the plugin registers (menu entries, tabs,
widgets, permissions, timeline kinds, customer figures); the names of built-in tax profiles
(new("in-gst-intra", "GST (within the state)", [new(...)]), shown through L[profile.Name]; and names returned from *Statuses.cs
switch arms (=> "..."); and the messages of the SDK (new Problem("...") and const string ...Message = "..."
anywhere in src/CrmBlazor.Sdk: "The record no longer exists." of ChangeResult, the text rule's
UserText.RefusedMessage, the notes of AddressQuery), which every plugin shows. Translators copy <Name>.resx to <Name>.<culture>.resx and translate the
values. The plugin's unit tests check that the file is complete.
"""
import html, pathlib, re, sys

PATTERNS = [
    re.compile(r'\bL\["((?:[^"\\]|\\.)+)"'),
    re.compile(r'new Problem\("((?:[^"\\]|\\.)+)"'),
    re.compile(r'ValidationResult\(\s*"((?:[^"\\]|\\.)+)"'),
    re.compile(r'ErrorMessage\s*=\s*"((?:[^"\\]|\\.)+)"'),
    re.compile(r'new MenuItem\("([^"]+)"'),
    re.compile(r'Add(?:CustomerTab|ProjectTab|DashboardWidget)<\w+>\("([^"]+)"'),
    re.compile(r'new Permission\([^,]+, "([^"]+)"'),
    re.compile(r'AddWebhookEvent<\w+>\("[^"]+", "([^"]+)"'),
    re.compile(r'new\(\w+, "([^"]+)", (?:FigureKind|MudBlazor)\.'),
    re.compile(r'const string \w*Message\s*=\s*"((?:[^"\\]|\\.)+)"'),
    re.compile(r'Problem \w+(?: \{ get; \})? =\s*new\("((?:[^"\\]|\\.)+)"'),
    re.compile(r'new\("[a-z0-9-]+", "([^"]+)", \[new\('),
]
SWITCH_ARM = re.compile(r'=> "([^"{}]+)"')
SDK_MESSAGES = (re.compile(r'new Problem\("((?:[^"\\]|\\.)+)"'), re.compile(r'const string \w*Message\s*=\s*"((?:[^"\\]|\\.)+)"'))


def code(path: pathlib.Path):
    """The file without its comment lines: an example in an XML doc comment is not a text the UI shows."""
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//"))


def sdk_sources(sdk: pathlib.Path):
    """The SDK's C# files, whose messages for users every plugin shows."""
    for path in sorted(sdk.rglob("*.cs")):
        if not set(path.relative_to(sdk).parts) & {"obj", "bin"}:
            yield code(path)


def keys(project: pathlib.Path):
    found = set()
    for text in sdk_sources(project.parent.parent / "src" / "CrmBlazor.Sdk"):
        for pattern in SDK_MESSAGES:
            found.update(m.group(1).replace('\\"', '"') for m in pattern.finditer(text))
    for path in list(project.rglob("*.razor")) + list(project.rglob("*.cs")):
        parts = set(path.relative_to(project).parts)
        if parts & {"obj", "bin", "obj.design", "bin.design", "Migrations"}:
            continue
        text = code(path)
        for pattern in PATTERNS:
            found.update(m.group(1).replace('\\"', '"') for m in pattern.finditer(text))
        if path.name.endswith("Statuses.cs"):
            found.update(SWITCH_ARM.findall(text))
    return sorted(found, key=str.casefold)


def main():
    project = pathlib.Path(sys.argv[1]).resolve()
    name = sys.argv[2]
    check = "--check" in sys.argv[3:]
    found = keys(project)
    entries = "\n".join(
        f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve">\n    <value>{html.escape(k, quote=False)}</value>\n  </data>'
        for k in found)
    resx = project / "Resources" / f"{name}.resx"
    content = f'''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
{entries}
</root>
'''
    if check:
        current = resx.read_text(encoding="utf-8") if resx.exists() else ""
        if current != content:
            written = set(html.unescape(k) for k in re.findall(r'<data name="([^"]*)"', current))
            print(f"{resx} is not what the code says; run python3 tools/sync-plugin-resources.py {sys.argv[1]} {name} and translate what it adds.")
            for key in sorted(set(found) - written, key=str.casefold):
                print(f"  missing: {key}")
            for key in sorted(written - set(found), key=str.casefold):
                print(f"  no longer used: {key}")
            sys.exit(1)
        print(f"{resx}: {len(found)} keys, as the code says")
        return
    resx.parent.mkdir(parents=True, exist_ok=True)
    resx.write_text(content, encoding="utf-8")
    print(f"{resx}: {len(found)} keys")


if __name__ == "__main__":
    main()
