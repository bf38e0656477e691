function ok(a: string) {
  return a;
}
function broken(a: ) {
  return a;
}
