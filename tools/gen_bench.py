#!/usr/bin/env python3
"""gen_bench.py OUT_DIR LINES — a synthetic Python service for the benchmark.

Writes OUT_DIR/benchsvc/ (a service: requirements.txt + the package app/) of at
least LINES lines, in modules of about 300-600 lines: models_K.py (classes with
personal-data fields), helpers_K.py (formatting, masking, notification,
summaries) and handlers_K.py (request handlers calling the helpers and models
of their group across modules, logging with and without personal data,
f-strings, dicts, loops and conditions, file writes). Deterministic: the same
arguments give the same bytes.
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


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: gen_bench.py OUT_DIR LINES\n")
        return 2
    out_dir, want = argv[1], int(argv[2])
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


if __name__ == "__main__":
    sys.exit(main(sys.argv))
