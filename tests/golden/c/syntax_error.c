int fine(int x) {
  return x;
}

int broken(int x) {
  return x +;
}
