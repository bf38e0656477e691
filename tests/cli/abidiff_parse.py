"""abidiff_parse.py - read abidiff's --leaf-changes-only report into Assay change ids and keys.

Shared by tests/cli/peer_abidiff.sh and tests/cli/peer_abidiff_capi.sh. parse(path) gives
{(change, key): verdict} and the set of elements named; the verdict is abidiff's:
incompatible (a removed symbol), compatible (an addition), change (any other ABI change).
"""
import re

VERDICT = {"c.function-removed": "incompatible", "c.variable-removed": "incompatible",
           "c.function-added": "compatible", "c.variable-added": "compatible",
           "c.enum-constant-added": "compatible", "c.field-added": "compatible"}


def member_name(decl):
    """'char currency[4]' -> currency, 'int (*cb)(void)' -> cb, 'uint32_t flags' -> flags."""
    m = re.search(r"\(\*\s*(\w+)\)", decl)
    if m:
        return m.group(1)
    decl = re.sub(r"(\s*\[[^\]]*\])+$", "", decl.strip())
    return re.findall(r"\w+", decl)[-1]


def enum_key(qualified):
    """'clib_status::CLIB_EFULL' -> 'enum clib_status.CLIB_EFULL' (anonymous: 'enum .NAME')."""
    enum, _, name = qualified.rpartition("::")
    return "enum %s.%s" % ("" if enum.startswith("__anonymous_enum__") else enum, name)


def parse(path):
    """abidiff's --leaf-changes-only report -> {(change, key): verdict}, and the elements named."""
    facts, elements = {}, set()
    fn = ty = None  # the function or type block we are in, and its header's indentation
    indent = sub_indent = 0
    sub = None  # "param" / "return" block of a changed function
    enumerators = None  # "insertion" / "change" / "deletion"
    members = None  # "insertion" / "deletion" / "change"

    def fact(change, key):
        facts[(change, key)] = VERDICT.get(change, "change")

    for line in open(path):
        line = line.rstrip("\n")
        s = line.strip()
        depth = len(line) - len(line.lstrip(" "))
        m = re.match(r"\[([DA])\] 'function .*'\s+\{(\w+)\}$", s)
        if m:
            fn = ty = None
            elements.add(m.group(2))
            fact("c.function-removed" if m.group(1) == "D" else "c.function-added", m.group(2))
            continue
        m = re.match(r"\[C\] 'function ([^(']*?)(\w+)\(.*' .*has some (?:indirect )?sub-type changes:$", s)
        if m:
            fn, ty, sub, enumerators, members = m.group(2), None, None, None, None
            indent = depth
            elements.add(fn)
            continue
        m = re.match(r"(?:\[C\] )?'(struct|union|enum|typedef) ([^' ]+)(?: at [^']*)?' changed:$", s)
        if m:
            fn, sub, enumerators, members = None, None, None, None
            indent = depth
            ty = m.group(2) if m.group(1) == "typedef" else "%s %s" % (m.group(1), m.group(2))
            elements.add(ty)
            continue
        if not s:
            continue
        m = re.match(r"\d+ enumerator (insertion|deletion|change)s?:$", s)
        if m:
            enumerators = m.group(1)
            continue
        m = re.match(r"'([^']+::[^']+)' (?:value '[^']*'|from value '[^']*' to '[^']*')", s)
        if m and enumerators:
            key = enum_key(m.group(1))
            elements.add(key.split(".", 1)[0])
            fact({"insertion": "c.enum-constant-added", "deletion": "c.enum-constant-removed",
                  "change": "c.enum-value-changed"}[enumerators], key)
            continue
        if fn:
            if re.match(r"parameter \d+ of type '.*' was (added|removed)$", s):
                fact("c.function-signature-changed", fn)
            elif re.match(r"parameter \d+ of type '.*' changed:$", s):
                sub, sub_indent = "param", depth
            elif s == "return type changed:":
                sub, sub_indent = "return", depth
            elif sub and depth == sub_indent + 2 and re.match(r"type (name|size) changed from", s):
                fact("c.function-signature-changed", fn)
            continue
        if ty:
            m = re.match(r"type (size|alignment) changed from (\d+) to (\d+)", s)
            if m and depth == indent + 2:
                fact("c.type-%s-changed" % m.group(1), ty)
                continue
            m = re.match(r"\d+ data member (insertion|deletion)s?:$", s)
            if m:
                members = m.group(1)
                continue
            if re.match(r"(there are data member changes|\d+ data member changes?( \(.*\))?):$", s):
                members = "change"
                continue
            m = re.match(r"'([^']+)', at offset \d+", s)
            if m and members in ("insertion", "deletion"):
                fact("c.field-added" if members == "insertion" else "c.field-removed",
                     "%s.%s" % (ty, member_name(m.group(1))))
                continue
            m = re.match(r"'([^']+)' offset changed from \d+ to \d+", s)
            if m:
                fact("c.field-offset-changed", "%s.%s" % (ty, member_name(m.group(1))))
                continue
            m = re.match(r"type '.*' of '[^']*::(\w+)' changed:$", s)
            if m:
                fact("c.field-type-changed", "%s.%s" % (ty, m.group(1)))
                continue
            m = re.match(r"name of '[^']*::(\w+)' changed to '[^']*::(\w+)'", s)
            if m:
                fact("c.field-renamed", "%s.%s" % (ty, m.group(1)))
                continue
    return facts, elements
