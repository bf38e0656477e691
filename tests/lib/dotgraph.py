"""dotgraph.py — a DOT reader for the tests: enough of the grammar for what
cgraph's agwrite writes (nodes, edges, clusters, attributes). parse(text)
returns {"nodes": {name: attrs}, "edges": [(tail, head, attrs)],
"clusters": {name: {"nodes": [...], "attrs": {...}}}, "graph": attrs}."""
import re

TOKEN = re.compile(r'''\s+|//[^\n]*|/\*.*?\*/|(?P<str>"(?:\\.|[^"\\])*")|(?P<arrow>->|--)
                       |(?P<punct>[{}\[\];,=:])|(?P<id>[A-Za-z_\x80-\uffff][\w\x80-\uffff.]*|-?\.?\d[\d.]*)
                       |(?P<html><)''', re.S | re.X)


def tokens(text):
    i, out = 0, []
    while i < len(text):
        m = TOKEN.match(text, i)
        if not m:
            raise ValueError("DOT: cannot read at %r" % text[i:i + 30])
        if m.group("html"):  # <...> with nested angle brackets
            depth, j = 0, i
            while True:
                if text[j] == "<":
                    depth += 1
                elif text[j] == ">":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            out.append(("id", text[i:j + 1]))
            i = j + 1
            continue
        i = m.end()
        if m.group("str"):
            s = m.group("str")[1:-1].replace('\\"', '"').replace("\\\n", "")
            out.append(("id", s))
        elif m.group("arrow"):
            out.append(("arrow", m.group("arrow")))
        elif m.group("punct"):
            out.append((m.group("punct"), m.group("punct")))
        elif m.group("id"):
            out.append(("id", m.group("id")))
    return out


def parse(text):
    toks = tokens(text)
    pos = 0
    g = {"nodes": {}, "edges": [], "clusters": {}, "graph": {}}

    def peek(k=0):
        return toks[pos + k] if pos + k < len(toks) else (None, None)

    def take(kind=None):
        nonlocal pos
        t = toks[pos]
        if kind and t[0] != kind:
            raise ValueError("DOT: expected %s, got %r" % (kind, t))
        pos += 1
        return t

    def attrs():
        a = {}
        while peek()[0] == "[":
            take("[")
            while peek()[0] != "]":
                k = take("id")[1]
                take("=")
                a[k] = take("id")[1]
                if peek()[0] in (",", ";"):
                    take()
            take("]")
        return a

    def body(cluster):
        while peek()[0] != "}":
            t = peek()
            if t[0] == ";":
                take()
                continue
            if t == ("id", "subgraph"):
                take()
                name = take("id")[1]
                take("{")
                g["clusters"].setdefault(name, {"nodes": [], "attrs": {}})
                body(name)
                take("}")
                continue
            if t[0] == "id" and t[1] in ("graph", "node", "edge") and peek(1)[0] == "[":
                take()
                a = attrs()
                if t[1] == "graph":
                    (g["clusters"][cluster]["attrs"] if cluster else g["graph"]).update(a)
                continue
            if t[0] == "id" and peek(1)[0] == "=":
                k = take()[1]
                take("=")
                v = take("id")[1]
                (g["clusters"][cluster]["attrs"] if cluster else g["graph"])[k] = v
                continue
            name = take("id")[1]
            if peek()[0] == "arrow":
                take()
                head = take("id")[1]
                g["edges"].append((name, head, attrs()))
                for n in (name, head):
                    g["nodes"].setdefault(n, {})
            else:
                g["nodes"].setdefault(name, {}).update(attrs())
                if cluster:
                    g["clusters"][cluster]["nodes"].append(name)

    t = take("id")
    if t[1] != "digraph":
        raise ValueError("DOT: not a digraph: %r" % (t,))
    take("id")
    take("{")
    body(None)
    take("}")
    return g


