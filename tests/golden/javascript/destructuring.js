const { email, profile: { phone }, address: addr = "none", ...others } = req.body;
const [head, , third, ...tail] = list;
let a, b;
({ a, b } = pair);
[a, b] = [b, a];
for (const { id, name } of users) {
  use(id, name);
}
for (const [k, v] of Object.entries(map)) {
  use(k, v);
}
