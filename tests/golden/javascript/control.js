function handle(req, items) {
  const body = req.body;
  if (body.email) {
    log(body.email);
  } else if (body.phone) {
    log(body.phone);
  } else {
    log("none");
  }
  for (let i = 0; i < items.length; i++) {
    use(items[i]);
  }
  for (const item of items) {
    use(item.sku);
  }
  for (const key in body) {
    use(key);
  }
  while (more()) step();
  do {
    step();
  } while (more());
  try {
    risky(body);
  } catch (err) {
    report(err);
  } finally {
    cleanup();
  }
  switch (body.kind) {
    case "a":
      use(1);
      break;
    default:
      use(2);
  }
  outer: for (const row of rows) {
    if (!row) continue outer;
  }
  if (!body.ok) throw new Error(`bad ${body.email}`);
  return body;
}
