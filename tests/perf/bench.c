/* bench.c — the tiny benchmark program of tests/cli/perf_callgrind.sh. It
 * does WORK rounds of a fixed loop; the test builds it with WORK=1 (baseline
 * and unchanged rebuild) and WORK=3 (the deliberate slowdown, ~3x the
 * instructions). */
#include <stdio.h>

#ifndef WORK
#define WORK 1
#endif

int main(void) {
  volatile unsigned long acc = 0;
  for (int round = 0; round < WORK; round++)
    for (unsigned long i = 0; i < 400000; i++)
      acc += i * 2654435761u;
  printf("%lu\n", (unsigned long)acc);
  return 0;
}
