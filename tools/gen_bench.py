#!/usr/bin/env python3
"""gen_bench.py [--lang LANG] OUT_DIR LINES — a synthetic service for the benchmark.

LANG is python (the default), javascript, typescript, go or java. Python
writes OUT_DIR/benchsvc/ (requirements.txt + the package app/); the others
write OUT_DIR/benchsvc-LANG/ (package.json, go.mod or pom.xml + sources). Each
is at least LINES lines, in modules of about 300-600 lines per group K: models
(classes or structs with personal-data fields), helpers (formatting, masking,
notification, summaries) and handlers (request handlers calling the helpers
and models of their group across files, logging with and without personal
data, string building, dicts/maps, loops and conditions, file writes).
Deterministic: the same arguments give the same bytes.
"""

import os
import random
import sys

SEED = 20260101
PII_FIELDS = ["email", "full_name", "phone_number", "date_of_birth", "street_address",
              "iban", "card_number", "ssn", "ip_address"]
PLAIN_FIELDS = ["tier", "visits", "locale", "status", "score", "segment"]
LEVELS = ["debug", "info", "warning", "error"]


def model_class(rng, k, i):
    pii = rng.sample(PII_FIELDS, rng.randint(3, 5))
    plain = rng.sample(PLAIN_FIELDS, 2)
    params = ", ".join(["ref"] + pii)
    out = [f"class Customer{k}_{i}:",
           f'    """A customer record of group {k} (variant {i})."""',
           "",
           f"    def __init__(self, {params}):",
           "        self.ref = ref"]
    out += [f"        self.{f} = {f}" for f in pii]
    out += [f'        self.{plain[0]} = "{rng.choice(["standard", "new", "trial"])}"',
            f"        self.{plain[1]} = 0",
            "        self.history = []",
            "",
            "    def record(self, event, amount=0.0):",
            '        entry = {"event": event, "amount": amount, "n": len(self.history)}',
            "        self.history.append(entry)",
            f"        if len(self.history) > {rng.randint(5, 50)}:",
            "            self.history = self.history[-10:]",
            "        return entry",
            "",
            "    def as_dict(self):",
            f'        return {{"ref": self.ref, "{plain[0]}": self.{plain[0]}, "events": len(self.history)}}',
            "",
            "    def contact(self):",
            f"        return self.{pii[0]}",
            ""]
    return out, f"Customer{k}_{i}", pii


def helper_format(rng, k, i):
    limit = rng.randint(40, 200)
    return [f"def format_line_{k}_{i}(value, label):",
            '    """A one-line label for a value."""',
            '    text = f"{label}: {value}"',
            f"    if len(text) > {limit}:",
            f"        text = text[:{limit}] + '...'",
            "    return text",
            ""], f"format_line_{k}_{i}"


def helper_mask(rng, k, i):
    keep = rng.randint(1, 4)
    return [f"def mask_value_{k}_{i}(value):",
            '    """All but the first characters replaced by stars."""',
            "    if not value:",
            '        return ""',
            f"    return value[:{keep}] + '*' * max(0, len(value) - {keep})",
            ""], f"mask_value_{k}_{i}"


def helper_notify(rng, k, i):
    channel = rng.choice(["email", "sms", "push"])
    return [f'def notify_{k}_{i}(message, channel="{channel}"):',
            '    """Queue a message for the outbox; log the message itself."""',
            '    payload = {"channel": channel, "body": message, "attempt": 1}',
            f"    logger.{rng.choice(LEVELS)}(\"queued on %s: %s\", channel, message)",
            "    _outbox.append(payload)",
            "    return len(_outbox)",
            ""], f"notify_{k}_{i}"


def helper_summary(rng, k, i):
    status = rng.choice(["paid", "shipped", "refunded"])
    return [f"def summarise_{k}_{i}(orders):",
            '    """Count and total of the orders in one status."""',
            "    total = 0.0",
            "    count = 0",
            "    for order in orders:",
            f'        if order.get("status") == "{status}":',
            '            total += order.get("total", 0.0)',
            "            count += 1",
            "        elif order.get(\"status\") is None:",
            "            continue",
            f"    logger.info(\"{status}: %d orders, total %.2f\", count, total)",
            '    return {"count": count, "total": total}',
            ""], f"summarise_{k}_{i}"


HELPERS = [("format", helper_format), ("mask", helper_mask), ("notify", helper_notify),
           ("summary", helper_summary)]


def handler_signup(rng, k, i, cls, pii, helpers):
    fmt, notify, mask = (rng.choice(helpers["format"]), rng.choice(helpers["notify"]),
                         rng.choice(helpers["mask"]))
    first = pii[0]
    args = ", ".join(f'body.get("{f}", "")' for f in pii)
    leaked = rng.choice(pii)
    return [f"def handle_signup_{k}_{i}(body):",
            '    """POST: create a customer and welcome them."""',
            f'    {first}_value = body["{first}"]',
            f'    customer = {cls}(body.get("ref", "web"), {args})',
            f'    text = {fmt}({first}_value, "welcome")',
            f"    {notify}(text)",
            f"    logger.info(\"signup %s masked as %s\", customer.ref, {mask}({first}_value))",
            f"    logger.{rng.choice(LEVELS)}(f\"new customer {{customer.{leaked}}}\")",
            '    return {"status": "created", "ref": customer.ref}',
            ""]


def handler_update(rng, k, i, cls, pii, helpers):
    fields = rng.sample(pii, min(3, len(pii)))
    keys = ", ".join(f'"{f}"' for f in fields + ["tier"])
    return [f"def handle_update_{k}_{i}(customer, body):",
            '    """PATCH: apply the changed fields, log what changed."""',
            "    changes = {}",
            f"    for key in ({keys}):",
            "        if key in body and body[key] != getattr(customer, key, None):",
            "            changes[key] = body[key]",
            "    if not changes:",
            '        return {"status": "unchanged"}',
            '    logger.warning("customer %s: %d fields changed", customer.ref, len(changes))',
            f'    if "{fields[0]}" in changes:',
            f'        logger.info("{fields[0]} is now %s", changes["{fields[0]}"])',
            '    return {"status": "updated", "changed": sorted(changes)}',
            ""]


def handler_report(rng, k, i, cls, pii, helpers):
    summary = rng.choice(helpers["summary"])
    return [f"def handle_report_{k}_{i}(orders, out_path):",
            '    """GET: write the order report and print its size."""',
            f"    summary = {summary}(orders)",
            '    with open(out_path, "w", encoding="utf-8") as fh:',
            "        for order in orders:",
            '            fh.write("%s,%s\\n" % (order["order_id"], order["total"]))',
            '    print("report: %d orders, %.2f" % (summary["count"], summary["total"]))',
            "    return summary",
            ""]


def handler_export(rng, k, i, cls, pii, helpers):
    field = rng.choice(pii)
    fmt = rng.choice(helpers["format"])
    return [f"def handle_export_{k}_{i}(customers, out_path):",
            '    """POST: export one field of every active customer."""',
            "    rows = []",
            "    for customer in customers:",
            "        if customer.as_dict().get(\"events\", 0) < 1:",
            "            continue",
            f'        rows.append({fmt}(customer.{field}, customer.ref))',
            '    out = open(out_path, "a", encoding="utf-8")',
            "    try:",
            "        for row in rows:",
            '            out.write(row + "\\n")',
            "    finally:",
            "        out.close()",
            f"    print(f\"exported {{len(rows)}} rows to {{out_path}}\")",
            "    return len(rows)",
            ""]


HANDLERS = [handler_signup, handler_update, handler_report, handler_export]
HEADER = ['"""Generated for the Assay benchmark (tools/gen_bench.py); do not edit."""', "",
          "import logging", ""]


def fill(rng, make, target):
    """Append units from make() until the file reaches target lines."""
    lines, names = [], []
    i = 0
    while len(lines) < target:
        unit, name = make(i)
        lines += [""] + unit
        if name is not None:
            names.append(name)
        i += 1
    return lines, names


def group(rng, k):
    files = {}
    # models
    models = []

    def make_model(i):
        unit, name, pii = model_class(rng, k, i)
        models.append((name, pii))
        return unit, name
    body, _ = fill(rng, make_model, rng.randint(300, 600))
    files[f"models_{k}.py"] = HEADER[:1] + [""] + body
    # helpers
    helpers = {kind: [] for kind, _ in HELPERS}

    def make_helper(i):
        kind, gen = HELPERS[i % len(HELPERS)]
        unit, name = gen(rng, k, i)
        helpers[kind].append(name)
        return unit, name
    body, _ = fill(rng, make_helper, rng.randint(300, 600))
    files[f"helpers_{k}.py"] = (HEADER + [f'logger = logging.getLogger("bench.helpers_{k}")',
                                          "_outbox = []", ""] + body)
    # handlers
    used = set()

    def make_handler(i):
        cls, pii = rng.choice(models)
        unit = rng.choice(HANDLERS)(rng, k, i, cls, pii, helpers)
        used.add(cls)
        for kind in helpers:
            for name in helpers[kind]:
                if any(name + "(" in line for line in unit):
                    used.add(name)
        return unit, None
    body, _ = fill(rng, make_handler, rng.randint(300, 600))
    model_names = sorted(n for n in used if n.startswith("Customer"))
    helper_names = sorted(n for n in used if not n.startswith("Customer"))
    imports = []
    for mod, names in ((f"models_{k}", model_names), (f"helpers_{k}", helper_names)):
        for start in range(0, len(names), 4):
            imports.append(f"from .{mod} import {', '.join(names[start:start + 4])}")
    files[f"handlers_{k}.py"] = (HEADER + imports + ["",
                                 f'logger = logging.getLogger("bench.handlers_{k}")', ""] + body)
    return files


# ---- other languages ---------------------------------------------------------------
# The same service shape in JavaScript, TypeScript, Go and Java: per group K a
# models file (classes/structs holding personal data), a helpers file and a
# handlers file calling both across files.

CAMEL = {"email": "email", "full_name": "fullName", "phone_number": "phoneNumber",
         "date_of_birth": "dateOfBirth", "street_address": "streetAddress", "iban": "iban",
         "card_number": "cardNumber", "ssn": "ssn", "ip_address": "ipAddress"}
PLAIN_CAMEL = {"tier": "tier", "visits": "visits", "locale": "locale", "status": "status",
               "score": "score", "segment": "segment"}
STATUSES = ["paid", "shipped", "refunded"]
CHANNELS = ["email", "sms", "push"]


def pascal(name):
    return name[0].upper() + name[1:]


def pick_pii(rng):
    pii = rng.sample(PII_FIELDS, rng.randint(3, 5))
    plain = rng.sample(PLAIN_FIELDS, 2)
    return [CAMEL[f] for f in pii], [PLAIN_CAMEL[f] for f in plain]


class Ctx:
    """What a group's handlers may call: model classes and helpers by kind."""

    def __init__(self, k):
        self.k = k
        self.models = []  # (class name, pii fields)
        self.helpers = {"format": [], "mask": [], "notify": [], "summary": []}


HELPER_KINDS = ["format", "mask", "notify", "summary"]
HANDLER_KINDS = ["signup", "update", "report", "export"]


def fill_units(make, target):
    lines, i = [], 0
    while len(lines) < target:
        lines += [""] + make(i)
        i += 1
    return lines


# ---- JavaScript and TypeScript ------------------------------------------------------

def js_t(ts, text):
    """Type annotation (TypeScript only)."""
    return text if ts else ""


def js_model(rng, ctx, i, ts):
    pii, plain = pick_pii(rng)
    name = f"Customer{ctx.k}_{i}"
    ctx.models.append((name, pii))
    params = ", ".join(f"{f}{js_t(ts, ': string')}" for f in ["ref"] + pii)
    out = [f"/** A customer record of group {ctx.k} (variant {i}). */",
           f"export class {name} {{"]
    if ts:
        out += [f"  {f}: string;" for f in ["ref"] + pii]
        out += [f"  {plain[0]}: string;", f"  {plain[1]}: number;",
                "  history: Entry[];", ""]
    out += [f"  constructor({params}) {{", "    this.ref = ref;"]
    out += [f"    this.{f} = {f};" for f in pii]
    out += [f'    this.{plain[0]} = "{rng.choice(["standard", "new", "trial"])}";',
            f"    this.{plain[1]} = 0;",
            "    this.history = [];",
            "  }",
            "",
            f"  record(event{js_t(ts, ': string')}, amount{js_t(ts, ': number')} = 0.0)"
            f"{js_t(ts, ': Entry')} {{",
            "    const entry = { event, amount, n: this.history.length };",
            "    this.history.push(entry);",
            f"    if (this.history.length > {rng.randint(5, 50)}) {{",
            "      this.history = this.history.slice(-10);",
            "    }",
            "    return entry;",
            "  }",
            "",
            f"  asDict(){js_t(ts, ': Record<string, unknown>')} {{",
            f"    return {{ ref: this.ref, {plain[0]}: this.{plain[0]}, "
            "events: this.history.length };",
            "  }",
            "",
            f"  contact(){js_t(ts, ': string')} {{",
            f"    return this.{pii[0]};",
            "  }",
            "}"]
    return out


def js_helper(rng, ctx, i, ts):
    kind = HELPER_KINDS[i % 4]
    k = ctx.k
    s = js_t(ts, ": string")
    if kind == "format":
        name, limit = f"formatLine{k}_{i}", rng.randint(40, 200)
        out = [f"export function {name}(value{s}, label{s}){s} {{",
               "  let text = `${label}: ${value}`;",
               f"  if (text.length > {limit}) {{",
               f'    text = text.slice(0, {limit}) + "...";',
               "  }",
               "  return text;",
               "}"]
    elif kind == "mask":
        name, keep = f"maskValue{k}_{i}", rng.randint(1, 4)
        out = [f"export function {name}(value{s}){s} {{",
               "  if (!value) {",
               '    return "";',
               "  }",
               f'  return value.slice(0, {keep}) + "*".repeat(Math.max(0, value.length - {keep}));',
               "}"]
    elif kind == "notify":
        name = f"notify{k}_{i}"
        level = rng.choice(["debug", "info", "warn", "error"])
        out = [f'export function {name}(message{s}, channel{s} = "{rng.choice(CHANNELS)}")'
               f"{js_t(ts, ': number')} {{",
               "  const payload = { channel, body: message, attempt: 1 };",
               f"  logger.{level}(`queued on ${{channel}}: ${{message}}`);",
               "  outbox.push(payload);",
               "  return outbox.length;",
               "}"]
    else:
        name, status = f"summarise{k}_{i}", rng.choice(STATUSES)
        out = [f"export function {name}(orders{js_t(ts, ': Order[]')})"
               f"{js_t(ts, ': Summary')} {{",
               "  let total = 0.0;",
               "  let count = 0;",
               "  for (const order of orders) {",
               f'    if (order.status === "{status}") {{',
               "      total += order.total ?? 0.0;",
               "      count += 1;",
               "    } else if (order.status == null) {",
               "      continue;",
               "    }",
               "  }",
               f"  logger.info(`{status}: ${{count}} orders, total ${{total.toFixed(2)}}`);",
               "  return { count, total };",
               "}"]
    ctx.helpers[kind].append(name)
    return out


def js_handler(rng, ctx, i, ts, used):
    cls, pii = rng.choice(ctx.models)
    kind = rng.choice(HANDLER_KINDS)
    k = ctx.k
    fmt, notify, mask, summary = (rng.choice(ctx.helpers["format"]),
                                  rng.choice(ctx.helpers["notify"]),
                                  rng.choice(ctx.helpers["mask"]),
                                  rng.choice(ctx.helpers["summary"]))
    body_t = js_t(ts, ": Record<string, string>")
    if kind == "signup":
        first = pii[0]
        leaked = rng.choice(pii)
        args = ", ".join(f'body.{f} ?? ""' for f in pii)
        used.update([cls, fmt, notify, mask])
        return [f"export function handleSignup{k}_{i}(body{body_t}){js_t(ts, ': Result')} {{",
                f"  const {first}Value = body.{first};",
                f'  const customer = new {cls}(body.ref ?? "web", {args});',
                f'  const text = {fmt}({first}Value, "welcome");',
                f"  {notify}(text);",
                f"  logger.info(`signup ${{customer.ref}} masked as ${{{mask}({first}Value)}}`);",
                f"  logger.{rng.choice(['debug', 'info', 'warn', 'error'])}"
                f"(\"new customer \" + customer.{leaked});",
                '  return { status: "created", ref: customer.ref };',
                "}"]
    if kind == "update":
        fields = rng.sample(pii, min(3, len(pii)))
        keys = ", ".join(f'"{f}"' for f in fields + ["tier"])
        used.add(cls)
        return [f"export function handleUpdate{k}_{i}(customer{js_t(ts, ': ' + cls)}, "
                f"body{body_t}){js_t(ts, ': Result')} {{",
                f"  const changes{body_t} = {{}};",
                f"  for (const key of [{keys}]) {{",
                "    if (key in body && body[key] !== "
                f"(customer as unknown as Record<string, string>)[key]) {{" if ts else
                f"  for (const key of [{keys}]) {{",
                "      changes[key] = body[key];",
                "    }",
                "  }",
                "  if (Object.keys(changes).length === 0) {",
                '    return { status: "unchanged" };',
                "  }",
                "  logger.warn(`customer ${customer.ref}: ${Object.keys(changes).length} "
                "fields changed`);",
                f'  if ("{fields[0]}" in changes) {{',
                f"    logger.info(\"{fields[0]} is now %s\", changes.{fields[0]});",
                "  }",
                '  return { status: "updated", changed: Object.keys(changes).sort() };',
                "}"] if ts else [
                f"export function handleUpdate{k}_{i}(customer, body) {{",
                "  const changes = {};",
                f"  for (const key of [{keys}]) {{",
                "    if (key in body && body[key] !== customer[key]) {",
                "      changes[key] = body[key];",
                "    }",
                "  }",
                "  if (Object.keys(changes).length === 0) {",
                '    return { status: "unchanged" };',
                "  }",
                "  logger.warn(`customer ${customer.ref}: ${Object.keys(changes).length} "
                "fields changed`);",
                f'  if ("{fields[0]}" in changes) {{',
                f"    logger.info(\"{fields[0]} is now %s\", changes.{fields[0]});",
                "  }",
                '  return { status: "updated", changed: Object.keys(changes).sort() };',
                "}"]
    if kind == "report":
        used.add(summary)
        return [f"export function handleReport{k}_{i}(orders{js_t(ts, ': Order[]')}, "
                f"outPath{js_t(ts, ': string')}){js_t(ts, ': Summary')} {{",
                f"  const summary = {summary}(orders);",
                '  const out = fs.createWriteStream(outPath, { encoding: "utf-8" });',
                "  for (const order of orders) {",
                "    out.write(`${order.orderId},${order.total}\\n`);",
                "  }",
                "  out.end();",
                "  console.log(`report: ${summary.count} orders, ${summary.total.toFixed(2)}`);",
                "  return summary;",
                "}"]
    field = rng.choice(pii)
    used.update([cls, fmt])
    return [f"export function handleExport{k}_{i}(customers{js_t(ts, ': ' + cls + '[]')}, "
            f"outPath{js_t(ts, ': string')}){js_t(ts, ': number')} {{",
            f"  const rows{js_t(ts, ': string[]')} = [];",
            "  for (const customer of customers) {",
            "    if (((customer.asDict().events as number) ?? 0) < 1) {" if ts else
            "    if ((customer.asDict().events ?? 0) < 1) {",
            "      continue;",
            "    }",
            f"    rows.push({fmt}(customer.{field}, customer.ref));",
            "  }",
            "  try {",
            '    fs.appendFileSync(outPath, rows.join("\\n") + "\\n", "utf-8");',
            "  } finally {",
            "    logger.debug(`exported ${rows.length} rows`);",
            "  }",
            "  console.log(`exported ${rows.length} rows to ${outPath}`);",
            "  return rows.length;",
            "}"]


def js_imports(names, module):
    names = sorted(names)
    if not names:
        return []
    return ["import {"] + [f"  {n}," for n in names] + [f'}} from "./{module}";']


def js_group(rng, k, ts):
    ext = "ts" if ts else "js"
    head = ["// Generated for the Assay benchmark (tools/gen_bench.py); do not edit.", ""]
    ctx = Ctx(k)
    files = {}
    body = fill_units(lambda i: js_model(rng, ctx, i, ts), rng.randint(300, 600))
    types = []
    if ts:
        types = ["export interface Entry {", "  event: string;", "  amount: number;",
                 "  n: number;", "}", "", "export interface Order {", "  orderId: string;",
                 "  total: number;", "  status?: string;", "}", "",
                 "export interface Summary {", "  count: number;", "  total: number;", "}", "",
                 "export interface Result {", "  status: string;", "  ref?: string;",
                 "  changed?: string[];", "}"]
    files[f"models_{k}.{ext}"] = head + types + body
    body = fill_units(lambda i: js_helper(rng, ctx, i, ts), rng.randint(300, 600))
    imp = ['import pino from "pino";']
    if ts:
        imp.append(f'import type {{ Order, Summary }} from "./models_{k}";')
    files[f"helpers_{k}.{ext}"] = (
        head + imp + ["", f'const logger = pino({{ name: "bench.helpers_{k}" }});',
                      f"const outbox{js_t(ts, ': Array<Record<string, unknown>>')} = [];"] + body)
    used = set()
    body = fill_units(lambda i: js_handler(rng, ctx, i, ts, used), rng.randint(300, 600))
    models = [n for n in used if n.startswith("Customer")]
    helpers = [n for n in used if not n.startswith("Customer")]
    if ts:
        models += ["Order", "Result", "Summary"]
    files[f"handlers_{k}.{ext}"] = (
        head + ['import fs from "node:fs";', 'import pino from "pino";'] +
        js_imports(models, f"models_{k}") + js_imports(helpers, f"helpers_{k}") +
        ["", f'const logger = pino({{ name: "bench.handlers_{k}" }});'] + body)
    return {f"src/{name}": lines for name, lines in files.items()}


def js_service(ts):
    pkg = ['{', '  "name": "benchsvc",', '  "version": "1.0.0",', '  "private": true,',
           '  "type": "module",', '  "dependencies": {', '    "pino": "^9.0.0"', '  }', '}']
    out = {"package.json": pkg}
    if ts:
        out["tsconfig.json"] = ['{', '  "compilerOptions": {', '    "target": "ES2022",',
                                '    "module": "NodeNext",', '    "strict": true', '  }', '}']
    return out


# ---- Go ----------------------------------------------------------------------------

def go_model(rng, ctx, i):
    pii, plain = pick_pii(rng)
    name = f"Customer{ctx.k}_{i}"
    ctx.models.append((name, pii))
    fields = [("Ref", "string", "ref")] + [(pascal(f), "string", snake) for f, snake in
                                           ((f, next(s for s, c in CAMEL.items() if c == f))
                                            for f in pii)]
    fields += [(pascal(plain[0]), "string", plain[0]), (pascal(plain[1]), "int", plain[1]),
               ("History", "[]Entry", "history")]
    width = max(len(f[0]) for f in fields)
    twidth = max(len(f[1]) for f in fields)
    out = [f"// {name} is a customer record of group {ctx.k} (variant {i}).",
           f"type {name} struct {{"]
    out += [f"\t{n.ljust(width)} {t.ljust(twidth)} `json:\"{tag}\"`" for n, t, tag in fields]
    params = ", ".join(["ref"] + pii)
    inits = ", ".join(["Ref: ref"] + [f"{pascal(f)}: {f}" for f in pii])
    out += ["}", "",
            f"// New{name} makes a customer with no history.",
            f"func New{name}({params} string) *{name} {{",
            f'\treturn &{name}{{{inits}, {pascal(plain[0])}: '
            f'"{rng.choice(["standard", "new", "trial"])}"}}',
            "}", "",
            f"// Record appends an event to the customer's history.",
            f"func (c *{name}) Record(event string, amount float64) Entry {{",
            "\te := Entry{Event: event, Amount: amount, N: len(c.History)}",
            "\tc.History = append(c.History, e)",
            f"\tif len(c.History) > {rng.randint(11, 50)} {{",
            "\t\tc.History = c.History[len(c.History)-10:]",
            "\t}",
            "\treturn e",
            "}", "",
            f"// AsMap is the customer without personal data.",
            f"func (c *{name}) AsMap() map[string]any {{",
            f'\treturn map[string]any{{"ref": c.Ref, "{plain[0]}": c.{pascal(plain[0])}, '
            '"events": len(c.History)}',
            "}", "",
            f"// Contact is where the customer is reached.",
            f"func (c *{name}) Contact() string {{",
            f"\treturn c.{pascal(pii[0])}",
            "}"]
    return out


def go_helper(rng, ctx, i):
    kind = HELPER_KINDS[i % 4]
    k = ctx.k
    if kind == "format":
        name, limit = f"FormatLine{k}_{i}", rng.randint(40, 200)
        out = [f"// {name} is a one-line label for a value.",
               f"func {name}(value, label string) string {{",
               '\ttext := fmt.Sprintf("%s: %s", label, value)',
               f"\tif len(text) > {limit} {{",
               f'\t\ttext = text[:{limit}] + "..."',
               "\t}",
               "\treturn text",
               "}"]
    elif kind == "mask":
        name, keep = f"MaskValue{k}_{i}", rng.randint(1, 4)
        out = [f"// {name} replaces all but the first characters by stars.",
               f"func {name}(value string) string {{",
               f"\tkeep := {keep}",
               "\tif len(value) < keep {",
               "\t\tkeep = len(value)",
               "\t}",
               '\treturn value[:keep] + strings.Repeat("*", len(value)-keep)',
               "}"]
    elif kind == "notify":
        name = f"Notify{k}_{i}"
        out = [f"// {name} queues a message for the outbox and logs it.",
               f"func {name}(message, channel string) int {{",
               '\tpayload := map[string]any{"channel": channel, "body": message, "attempt": 1}',
               '\tlog.Printf("queued on %s: %s", channel, message)',
               f"\toutbox{k} = append(outbox{k}, payload)",
               f"\treturn len(outbox{k})",
               "}"]
    else:
        name, status = f"Summarise{k}_{i}", rng.choice(STATUSES)
        out = [f"// {name} counts and totals the orders in one status.",
               f"func {name}(orders []Order) Summary {{",
               "\ttotal := 0.0",
               "\tcount := 0",
               "\tfor _, order := range orders {",
               f'\t\tif order.Status == "{status}" {{',
               "\t\t\ttotal += order.Total",
               "\t\t\tcount++",
               '\t\t} else if order.Status == "" {',
               "\t\t\tcontinue",
               "\t\t}",
               "\t}",
               f'\tslog.Info("{status} orders", "count", count, "total", total)',
               "\treturn Summary{Count: count, Total: total}",
               "}"]
    ctx.helpers[kind].append(name)
    return out


def go_handler(rng, ctx, i):
    cls, pii = rng.choice(ctx.models)
    kind = rng.choice(HANDLER_KINDS)
    k = ctx.k
    fmt_, notify, mask, summary = (rng.choice(ctx.helpers["format"]),
                                   rng.choice(ctx.helpers["notify"]),
                                   rng.choice(ctx.helpers["mask"]),
                                   rng.choice(ctx.helpers["summary"]))
    snake = {c: s for s, c in CAMEL.items()}
    if kind == "signup":
        first = pii[0]
        leaked = rng.choice(pii)
        args = ", ".join(f'body["{snake[f]}"]' for f in pii)
        return [f"// HandleSignup{k}_{i} creates a customer and welcomes them.",
                f"func HandleSignup{k}_{i}(body map[string]string) map[string]string {{",
                f'\t{first}Value := body["{snake[first]}"]',
                f'\tcustomer := New{cls}(body["ref"], {args})',
                f'\ttext := {fmt_}({first}Value, "welcome")',
                f'\t{notify}(text, "{rng.choice(CHANNELS)}")',
                f'\tslog.Info("signup", "ref", customer.Ref, "masked", {mask}({first}Value))',
                f'\tlog.Printf("new customer %s", customer.{pascal(leaked)})',
                '\treturn map[string]string{"status": "created", "ref": customer.Ref}',
                "}"]
    if kind == "update":
        fields = rng.sample(pii, min(3, len(pii)))
        keys = ", ".join(f'"{snake[f]}"' for f in fields + ["tier"] if f in snake) + ', "tier"'
        return [f"// HandleUpdate{k}_{i} applies the changed fields and logs what changed.",
                f"func HandleUpdate{k}_{i}(customer *{cls}, body map[string]string) "
                "map[string]any {",
                "\tchanges := map[string]string{}",
                f"\tfor _, key := range []string{{{keys}}} {{",
                '\t\tif v, ok := body[key]; ok && v != "" {',
                "\t\t\tchanges[key] = v",
                "\t\t}",
                "\t}",
                "\tif len(changes) == 0 {",
                '\t\treturn map[string]any{"status": "unchanged"}',
                "\t}",
                '\tslog.Warn("customer changed", "ref", customer.Ref, "fields", len(changes))',
                f'\tif v, ok := changes["{snake[fields[0]]}"]; ok {{',
                f'\t\tlog.Printf("{snake[fields[0]]} is now %s", v)',
                "\t}",
                "\tkeys := make([]string, 0, len(changes))",
                "\tfor key := range changes {",
                "\t\tkeys = append(keys, key)",
                "\t}",
                "\tsort.Strings(keys)",
                '\treturn map[string]any{"status": "updated", "changed": keys}',
                "}"]
    if kind == "report":
        return [f"// HandleReport{k}_{i} writes the order report and prints its size.",
                f"func HandleReport{k}_{i}(orders []Order, outPath string) (Summary, error) {{",
                f"\tsummary := {summary}(orders)",
                "\tf, err := os.Create(outPath)",
                "\tif err != nil {",
                "\t\treturn summary, err",
                "\t}",
                "\tdefer f.Close()",
                "\tfor _, order := range orders {",
                '\t\tfmt.Fprintf(f, "%s,%.2f\\n", order.OrderID, order.Total)',
                "\t}",
                '\tfmt.Printf("report: %d orders, %.2f\\n", summary.Count, summary.Total)',
                "\treturn summary, nil",
                "}"]
    field = rng.choice(pii)
    return [f"// HandleExport{k}_{i} exports one field of every active customer.",
            f"func HandleExport{k}_{i}(customers []*{cls}, outPath string) (int, error) {{",
            "\tvar rows []string",
            "\tfor _, customer := range customers {",
            "\t\tif len(customer.History) < 1 {",
            "\t\t\tcontinue",
            "\t\t}",
            f"\t\trows = append(rows, {fmt_}(customer.{pascal(field)}, customer.Ref))",
            "\t}",
            "\tf, err := os.OpenFile(outPath, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)",
            "\tif err != nil {",
            "\t\treturn 0, err",
            "\t}",
            "\tdefer f.Close()",
            "\tfor _, row := range rows {",
            '\t\tif _, err := f.WriteString(row + "\\n"); err != nil {',
            "\t\t\treturn 0, err",
            "\t\t}",
            "\t}",
            '\tfmt.Printf("exported %d rows to %s\\n", len(rows), outPath)',
            "\treturn len(rows), nil",
            "}"]


def go_imports(body):
    """The import block for the packages body uses."""
    text = "\n".join(body)
    pkgs = [p for p, use in (("fmt", "fmt."), ("log", "log.P"), ("log/slog", "slog."),
                             ("os", "os."), ("sort", "sort."), ("strings", "strings."))
            if use in text]
    if not pkgs:
        return []
    return ["import ("] + [f'\t"{p}"' for p in pkgs] + [")", ""]


def go_group(rng, k):
    head = ["// Code generated by tools/gen_bench.py for the Assay benchmark. DO NOT EDIT.", "",
            f"package g{k}", ""]
    ctx = Ctx(k)
    files = {}
    body = fill_units(lambda i: go_model(rng, ctx, i), rng.randint(300, 600))
    types = ["// Entry is one event of a customer's history.",
             "type Entry struct {", "\tEvent  string", "\tAmount float64", "\tN      int", "}", "",
             "// Order is an order line of the reports.",
             "type Order struct {", "\tOrderID string  `json:\"order_id\"`",
             "\tTotal   float64 `json:\"total\"`", "\tStatus  string  `json:\"status\"`", "}", "",
             "// Summary is the count and total of some orders.",
             "type Summary struct {", "\tCount int", "\tTotal float64", "}"]
    files[f"models_{k}.go"] = head + types + body
    body = fill_units(lambda i: go_helper(rng, ctx, i), rng.randint(300, 600))
    files[f"helpers_{k}.go"] = (head + go_imports(body) +
                                [f"var outbox{k} []map[string]any"] + body)
    body = fill_units(lambda i: go_handler(rng, ctx, i), rng.randint(300, 600))
    files[f"handlers_{k}.go"] = head + go_imports(body)[:-1] + body
    return {f"internal/g{k}/{name}": lines for name, lines in files.items()}


def go_service():
    return {"go.mod": ["module example.com/benchsvc", "", "go 1.22"]}


# ---- Java --------------------------------------------------------------------------

def java_model(rng, ctx, i):
    pii, plain = pick_pii(rng)
    name = f"Customer{ctx.k}_{i}"
    ctx.models.append((name, pii))
    params = ", ".join(f"String {f}" for f in ["ref"] + pii)
    out = [f"  /** A customer record of group {ctx.k} (variant {i}). */",
           f"  public static final class {name} {{",
           "    private final String ref;"]
    out += [f"    private String {f};" for f in pii]
    out += [f'    private String {plain[0]} = "{rng.choice(["standard", "new", "trial"])}";',
            f"    private int {plain[1]} = 0;",
            "    private List<Map<String, Object>> history = new ArrayList<>();",
            "",
            f"    public {name}({params}) {{",
            "      this.ref = ref;"]
    out += [f"      this.{f} = {f};" for f in pii]
    out += ["    }", "", "    public String getRef() {", "      return ref;", "    }"]
    for f in pii:
        out += ["", f"    public String get{pascal(f)}() {{", f"      return {f};", "    }"]
    out += ["",
            "    public Map<String, Object> record(String event, double amount) {",
            "      Map<String, Object> entry = new HashMap<>();",
            '      entry.put("event", event);',
            '      entry.put("amount", amount);',
            '      entry.put("n", history.size());',
            "      history.add(entry);",
            f"      if (history.size() > {rng.randint(11, 50)}) {{",
            "        history = new ArrayList<>(history.subList(history.size() - 10, "
            "history.size()));",
            "      }",
            "      return entry;",
            "    }",
            "",
            "    public Map<String, Object> asMap() {",
            "      Map<String, Object> out = new HashMap<>();",
            '      out.put("ref", ref);',
            f'      out.put("{plain[0]}", {plain[0]});',
            '      out.put("events", history.size());',
            "      return out;",
            "    }",
            "",
            "    public String contact() {",
            f"      return {pii[0]};",
            "    }",
            "  }"]
    return out


def java_helper(rng, ctx, i):
    kind = HELPER_KINDS[i % 4]
    k = ctx.k
    if kind == "format":
        name, limit = f"formatLine{k}_{i}", rng.randint(40, 200)
        out = ["  /** A one-line label for a value. */",
               f"  public static String {name}(String value, String label) {{",
               '    String text = label + ": " + value;',
               f"    if (text.length() > {limit}) {{",
               f'      text = text.substring(0, {limit}) + "...";',
               "    }",
               "    return text;",
               "  }"]
    elif kind == "mask":
        name, keep = f"maskValue{k}_{i}", rng.randint(1, 4)
        out = ["  /** All but the first characters replaced by stars. */",
               f"  public static String {name}(String value) {{",
               "    if (value == null || value.isEmpty()) {",
               '      return "";',
               "    }",
               f"    int keep = Math.min({keep}, value.length());",
               '    return value.substring(0, keep) + "*".repeat(value.length() - keep);',
               "  }"]
    elif kind == "notify":
        name = f"notify{k}_{i}"
        out = ["  /** Queue a message for the outbox; log the message itself. */",
               f"  public static int {name}(String message, String channel) {{",
               "    Map<String, Object> payload = new HashMap<>();",
               '    payload.put("channel", channel);',
               '    payload.put("body", message);',
               '    payload.put("attempt", 1);',
               f'    LOG.{rng.choice(["debug", "info", "warn", "error"])}'
               '("queued on {}: {}", channel, message);',
               "    OUTBOX.add(payload);",
               "    return OUTBOX.size();",
               "  }"]
    else:
        name, status = f"summarise{k}_{i}", rng.choice(STATUSES)
        out = ["  /** Count and total of the orders in one status. */",
               f"  public static Map<String, Object> {name}(List<Models{k}.Order> orders) {{",
               "    double total = 0.0;",
               "    int count = 0;",
               f"    for (Models{k}.Order order : orders) {{",
               f'      if ("{status}".equals(order.status)) {{',
               "        total += order.total;",
               "        count++;",
               "      } else if (order.status == null) {",
               "        continue;",
               "      }",
               "    }",
               f'    LOG.info(String.format("{status}: %d orders, total %.2f", count, total));',
               "    Map<String, Object> out = new HashMap<>();",
               '    out.put("count", count);',
               '    out.put("total", total);',
               "    return out;",
               "  }"]
    ctx.helpers[kind].append(name)
    return out


def java_handler(rng, ctx, i):
    cls, pii = rng.choice(ctx.models)
    kind = rng.choice(HANDLER_KINDS)
    k = ctx.k
    h = f"Helpers{k}"
    fmt_, notify, mask, summary = (rng.choice(ctx.helpers["format"]),
                                   rng.choice(ctx.helpers["notify"]),
                                   rng.choice(ctx.helpers["mask"]),
                                   rng.choice(ctx.helpers["summary"]))
    mcls = f"Models{k}.{cls}"
    if kind == "signup":
        first = pii[0]
        leaked = rng.choice(pii)
        args = ", ".join(f'body.getOrDefault("{f}", "")' for f in pii)
        return ["  /** POST: create a customer and welcome them. */",
                f"  public static Map<String, Object> handleSignup{k}_{i}"
                "(Map<String, String> body) {",
                f'    String {first}Value = body.get("{first}");',
                f'    {mcls} customer = new {mcls}(body.getOrDefault("ref", "web"), {args});',
                f'    String text = {h}.{fmt_}({first}Value, "welcome");',
                f'    {h}.{notify}(text, "{rng.choice(CHANNELS)}");',
                f'    LOG.info("signup {{}} masked as {{}}", customer.getRef(), '
                f"{h}.{mask}({first}Value));",
                f'    LOG.{rng.choice(["debug", "info", "warn", "error"])}'
                f'("new customer " + customer.get{pascal(leaked)}());',
                "    Map<String, Object> out = new HashMap<>();",
                '    out.put("status", "created");',
                '    out.put("ref", customer.getRef());',
                "    return out;",
                "  }"]
    if kind == "update":
        fields = rng.sample(pii, min(3, len(pii)))
        keys = ", ".join(f'"{f}"' for f in fields + ["tier"])
        return ["  /** PATCH: apply the changed fields, log what changed. */",
                f"  public static Map<String, Object> handleUpdate{k}_{i}({mcls} customer, "
                "Map<String, String> body) {",
                "    Map<String, String> changes = new TreeMap<>();",
                f"    for (String key : List.of({keys})) {{",
                "      String value = body.get(key);",
                "      if (value != null && !value.isEmpty()) {",
                "        changes.put(key, value);",
                "      }",
                "    }",
                "    if (changes.isEmpty()) {",
                '      return Map.of("status", "unchanged");',
                "    }",
                '    LOG.warn("customer {}: {} fields changed", customer.getRef(), '
                "changes.size());",
                f'    if (changes.containsKey("{fields[0]}")) {{',
                f'      LOG.info("{fields[0]} is now {{}}", changes.get("{fields[0]}"));',
                "    }",
                '    return Map.of("status", "updated", "changed", '
                "new ArrayList<>(changes.keySet()));",
                "  }"]
    if kind == "report":
        return ["  /** GET: write the order report and print its size. */",
                f"  public static Map<String, Object> handleReport{k}_{i}"
                f"(List<Models{k}.Order> orders, String outPath) throws IOException {{",
                f"    Map<String, Object> summary = {h}.{summary}(orders);",
                "    try (BufferedWriter out = Files.newBufferedWriter(Paths.get(outPath), "
                "StandardCharsets.UTF_8)) {",
                f"      for (Models{k}.Order order : orders) {{",
                '        out.write(order.orderId + "," + order.total + "\\n");',
                "      }",
                "    }",
                '    System.out.println("report: " + summary.get("count") + " orders, " + '
                'summary.get("total"));',
                "    return summary;",
                "  }"]
    field = rng.choice(pii)
    return ["  /** POST: export one field of every active customer. */",
            f"  public static int handleExport{k}_{i}(List<{mcls}> customers, String outPath)",
            "      throws IOException {",
            "    StringBuilder sb = new StringBuilder();",
            "    int rows = 0;",
            f"    for ({mcls} customer : customers) {{",
            '      if ((int) customer.asMap().getOrDefault("events", 0) < 1) {',
            "        continue;",
            "      }",
            f"      sb.append({h}.{fmt_}(customer.get{pascal(field)}(), customer.getRef()))"
            ".append('\\n');",
            "      rows++;",
            "    }",
            "    Files.writeString(Paths.get(outPath), sb.toString(), StandardCharsets.UTF_8,",
            "        StandardOpenOption.CREATE, StandardOpenOption.APPEND);",
            '    System.out.printf("exported %d rows to %s%n", rows, outPath);',
            "    return rows;",
            "  }"]


def java_group(rng, k):
    pkg = f"com.bench.g{k}"
    head = ["// Generated for the Assay benchmark (tools/gen_bench.py); do not edit.",
            f"package {pkg};", ""]
    ctx = Ctx(k)
    files = {}
    body = fill_units(lambda i: java_model(rng, ctx, i), rng.randint(300, 600))
    files[f"Models{k}.java"] = (
        head + ["import java.util.ArrayList;", "import java.util.HashMap;",
                "import java.util.List;", "import java.util.Map;", "",
                f"/** Customer records of group {k}. */",
                f"public final class Models{k} {{", f"  private Models{k}() {{}}", "",
                "  /** An order line of the reports. */",
                "  public static final class Order {",
                "    public final String orderId;", "    public final double total;",
                "    public final String status;", "",
                "    public Order(String orderId, double total, String status) {",
                "      this.orderId = orderId;", "      this.total = total;",
                "      this.status = status;", "    }", "  }"] + body + ["}"])
    body = fill_units(lambda i: java_helper(rng, ctx, i), rng.randint(300, 600))
    files[f"Helpers{k}.java"] = (
        head + ["import java.util.ArrayList;", "import java.util.HashMap;",
                "import java.util.List;", "import java.util.Map;",
                "import org.slf4j.Logger;", "import org.slf4j.LoggerFactory;", "",
                f"/** Formatting, masking, notification and summaries of group {k}. */",
                f"public final class Helpers{k} {{",
                f"  private static final Logger LOG = LoggerFactory.getLogger(Helpers{k}.class);",
                "  private static final List<Map<String, Object>> OUTBOX = new ArrayList<>();",
                "", f"  private Helpers{k}() {{}}"] + body + ["}"])
    body = fill_units(lambda i: java_handler(rng, ctx, i), rng.randint(300, 600))
    files[f"Handlers{k}.java"] = (
        head + ["import java.io.BufferedWriter;", "import java.io.IOException;",
                "import java.nio.charset.StandardCharsets;", "import java.nio.file.Files;",
                "import java.nio.file.Paths;", "import java.nio.file.StandardOpenOption;",
                "import java.util.ArrayList;", "import java.util.HashMap;",
                "import java.util.List;", "import java.util.Map;", "import java.util.TreeMap;",
                "import org.slf4j.Logger;", "import org.slf4j.LoggerFactory;", "",
                f"/** Request handlers of group {k}. */",
                f"public final class Handlers{k} {{",
                f"  private static final Logger LOG = LoggerFactory.getLogger(Handlers{k}.class);",
                "", f"  private Handlers{k}() {{}}"] + body + ["}"])
    return {f"src/main/java/com/bench/g{k}/{name}": lines for name, lines in files.items()}


def java_service():
    return {"pom.xml": [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<project xmlns="http://maven.apache.org/POM/4.0.0">',
        "  <modelVersion>4.0.0</modelVersion>",
        "  <groupId>com.bench</groupId>",
        "  <artifactId>benchsvc</artifactId>",
        "  <version>1.0.0</version>",
        "  <dependencies>",
        "    <dependency>",
        "      <groupId>org.slf4j</groupId>",
        "      <artifactId>slf4j-api</artifactId>",
        "      <version>2.0.13</version>",
        "    </dependency>",
        "  </dependencies>",
        "</project>"]}


LANGS = {
    "javascript": (lambda rng, k: js_group(rng, k, False), lambda: js_service(False)),
    "typescript": (lambda rng, k: js_group(rng, k, True), lambda: js_service(True)),
    "go": (go_group, go_service),
    "java": (java_group, java_service),
}


def write_lines(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = "\n".join(lines) + "\n"
    with open(path, "w") as f:
        f.write(text)
    return text.count("\n")


def generate_other(lang, out_dir, want):
    make_group, make_service = LANGS[lang]
    rng = random.Random(f"{SEED}-{lang}")
    root = os.path.join(out_dir, f"benchsvc-{lang}")
    total, nfiles, k = 0, 0, 0
    for name, lines in make_service().items():
        total += write_lines(os.path.join(root, name), lines)
        nfiles += 1
    while total < want:
        for name, lines in make_group(rng, k).items():
            total += write_lines(os.path.join(root, name), lines)
            nfiles += 1
        k += 1
    print(f"generated {nfiles} files, {total} lines in {root}")
    return 0


def generate_python(out_dir, want):
    rng = random.Random(SEED)
    root = os.path.join(out_dir, "benchsvc")
    pkg = os.path.join(root, "app")
    os.makedirs(pkg, exist_ok=True)
    with open(os.path.join(root, "requirements.txt"), "w") as f:
        f.write("# generated benchmark service: standard library only\n")
    total, nfiles, k = 0, 0, 0
    init = ['"""Generated benchmark service."""', ""]
    while total < want:
        for name, lines in group(rng, k).items():
            text = "\n".join(lines) + "\n"
            with open(os.path.join(pkg, name), "w") as f:
                f.write(text)
            total += text.count("\n")
            nfiles += 1
        k += 1
    with open(os.path.join(pkg, "__init__.py"), "w") as f:
        f.write("\n".join(init) + "\n")
    total += len(init)
    print(f"generated {nfiles + 1} files, {total} lines in {root}")
    return 0


USAGE = ("usage: gen_bench.py [--lang python|javascript|typescript|go|java] OUT_DIR LINES\n")


def main(argv):
    args, lang = [], "python"
    i = 1
    while i < len(argv):
        a = argv[i]
        if a == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
            i += 2
            continue
        if a.startswith("--lang="):
            lang = a.split("=", 1)[1]
        elif a.startswith("-"):
            sys.stderr.write(USAGE)
            return 2
        else:
            args.append(a)
        i += 1
    if len(args) != 2 or not args[1].isdigit() or (lang != "python" and lang not in LANGS):
        sys.stderr.write(USAGE)
        return 2
    if lang == "python":
        return generate_python(args[0], int(args[1]))
    return generate_other(lang, args[0], int(args[1]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
