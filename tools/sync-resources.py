#!/usr/bin/env python3
"""Collects every L["..."] key used by the host's components and writes the English resource file.

English text is the key, so the English resource maps each key to itself; translators copy
SharedResource.resx to SharedResource.<culture>.resx and translate the values. Titles registered
through the core's builder (menu entries, tabs, permissions) are listed in EXTRA_KEYS.
Run: python3 tools/sync-resources.py           writes the file
     python3 tools/sync-resources.py --check   fails, naming the keys, when the file is not what the code
                                               says (tools/test.sh runs it; unit tests check the translations)
"""
import pathlib, re, html, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "src" / "CrmBlazor.Host"
RESX = ROOT / "Resources" / "SharedResource.resx"
PATTERN = re.compile(r'L\["((?:[^"\\]|\\.)+)"')
EXTRA_KEYS = {
    # Menu groups, roles and plugin states are looked up by name.
    "Customers": "Customers", "Work": "Work", "Finance": "Finance", "Insights": "Insights", "Administration": "Administration",
    "Admin": "Administrator", "Manager": "Manager", "Staff": "Staff", "Accountant": "Accountant",
    "loaded": "Loaded", "disabled": "Disabled", "invalid": "Invalid", "incompatible": "Incompatible",
    "missing-dependency": "Missing dependency", "failed": "Failed",
    # What an audit entry did to its record.
    "Created": "Created", "Updated": "Updated", "Deleted": "Deleted",
    # Interaction directions are looked up by their enum name (L[direction.ToString()]).
    "Inbound": "Inbound", "Outbound": "Outbound", "Internal": "Internal",
}

# Texts looked up at run time rather than through a literal L["..."] or a validation message: the
# segment fields' titles (translated through the core's resources like menu entries), the names of
# the comparisons, and the messages rule problems are reported with.
RUNTIME_KEYS = [
    ("Features/Segments/SegmentFields.cs", r'new\(\w+, "([^"]+)"'),
    ("Features/Segments/SegmentFields.cs", r'\["(\w+)", "(\w+)"\]'),
    ("Features/Segments/SegmentText.cs", r'=> "([^"]+)"'),
    ("Features/Segments/SegmentPredicate.cs", r'FormatException\("([^"]+)"\)'),
    ("Features/Segments/SegmentPredicate.cs", r'= \["([^"]+)"\]'),
    ("Features/Segments/SegmentService.cs", r'= \["([^"]+)"\]'),
    # Message templates' titles and merge fields' titles, shown on /messages.
    ("Features/Messages/CoreMessageTemplates.cs", r'Title = "([^"]+)"'),
    ("Features/Messages/CoreMessageTemplates.cs", r'new\("[a-z_.]+", "([^"]+)"'),
    ("../CrmBlazor.Sdk/Messaging/MessageTemplates.cs", r'new\("[a-z_.]+", "([^"]+)"'),
    ("Features/Messages/MessageTemplateRecords.cs", r'new\("[a-z_.]+", "([^"]+)"'),
    # MudBlazor's own texts (pagers, "Loading"...), mapped from MudBlazor's keys to English texts.
    ("Localization/CrmMudLocalizer.cs", r'=> "([^"]+)",'),
]

# Messages of the SDK that the core shows too: ChangeResult's refusals ("The record no longer exists."),
# the text rule's message (UserText.RefusedMessage), AddressQuery's notes.
SDK = ROOT.parent / "CrmBlazor.Sdk"
SDK_MESSAGES = (r'new Problem\("((?:[^"\\]|\\.)+)"', r'const string \w*Message =\s*"((?:[^"\\]|\\.)+)"')

def code(path):
    """The file without its comment lines: an example in an XML doc comment is not a text the UI shows."""
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//"))

def keys():
    found = set()
    for path in list(ROOT.rglob("*.razor")) + list(ROOT.rglob("*.cs")):
        if "/obj/" in str(path) or "/bin/" in str(path):
            continue
        text = code(path)
        for match in PATTERN.finditer(text):
            found.add(match.group(1).replace('\\"', '"'))
        # Messages that reach the user through ChangeResultAlert's L[...]: validation and refusals.
        for pattern in (r'ErrorMessage = "((?:[^"\\]|\\.)+)"', r'new ValidationResult\("((?:[^"\\]|\\.)+)"',
                        r'new Problem\("((?:[^"\\]|\\.)+)"', r'const string \w*Message =\s*"((?:[^"\\]|\\.)+)"',
                        r'Problem \w+(?: \{ get; \})? =\s*new\("((?:[^"\\]|\\.)+)"'):
            for match in re.finditer(pattern, text):
                found.add(match.group(1).replace('\\"', '"'))
    core = (ROOT / "Features" / "CoreModule.cs").read_text(encoding="utf-8")
    found.update(re.findall(r'new MenuItem\("([^"]+)"', core))
    found.update(re.findall(r'AddCustomerTab<\w+>\("([^"]+)"', core))
    found.update(re.findall(r'AddDashboardWidget<\w+>\("([^"]+)"', core))
    found.update(re.findall(r'new Permission\([^,]+, "([^"]+)"', core))
    found.update(re.findall(r'new TimelineKind\([^,]+, "([^"]+)"', core))
    found.update(re.findall(r'AddWebhookEvent<\w+>\("[^"]+", "([^"]+)"', core))
    for file, pattern in RUNTIME_KEYS:
        for match in re.finditer(pattern, (ROOT / file).read_text(encoding="utf-8")):
            found.update(g for g in match.groups() if g)
    # Names the code looks up at run time: channel names and the audit log's record and property labels.
    channels = (ROOT / "Features" / "Interactions" / "InteractionText.cs").read_text(encoding="utf-8")
    found.update(re.findall(r'=> "([^"]+)"', channels))
    labels = (ROOT / "Features" / "Audit" / "AuditLabels.cs").read_text(encoding="utf-8")
    found.update(re.findall(r'\] = "([^"]+)"', labels))
    for path in SDK.rglob("*.cs"):
        if not {"obj", "bin"} & set(path.relative_to(SDK).parts):
            for pattern in SDK_MESSAGES:
                for match in re.finditer(pattern, code(path)):
                    found.add(match.group(1).replace('\\"', '"'))
    found.update(EXTRA_KEYS)
    return sorted(found, key=str.casefold)

def value(key):
    return EXTRA_KEYS.get(key, key)

def main(check):
    found = keys()
    entries = "\n".join(
        f'  <data name="{html.escape(k, quote=True)}" xml:space="preserve">\n    <value>{html.escape(value(k), quote=False)}</value>\n  </data>'
        for k in found)
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
    name = RESX.relative_to(ROOT.parent.parent)
    if check:
        current = RESX.read_text(encoding="utf-8") if RESX.exists() else ""
        if current != content:
            written = set(html.unescape(k) for k in re.findall(r'<data name="([^"]*)"', current))
            missing, stale = sorted(set(found) - written), sorted(written - set(found))
            print(f"{name} is not what the code says; run python3 tools/sync-resources.py and translate what it adds.")
            for key in missing:
                print(f"  missing: {key}")
            for key in stale:
                print(f"  no longer used: {key}")
            sys.exit(1)
        print(f"{name}: {len(found)} strings, as the code says")
        return
    RESX.parent.mkdir(parents=True, exist_ok=True)
    RESX.write_text(content, encoding="utf-8")
    print(f"{name}: {len(found)} strings")

if __name__ == "__main__":
    main("--check" in sys.argv[1:])
