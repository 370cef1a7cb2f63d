/*
** liar.c — prints the line its test expects, then ends as argv[1] says:
** "abort" (SIGABRT), or exit with that status. tests/harness runs it
** through run_test.cmake, which must fail it unless that end is expected.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  const char *end = argc > 1 ? argv[1] : "0";
  puts("all 3 checks passed");
  fflush(stdout);
  if (strcmp(end, "abort") == 0) abort();
  return atoi(end);
}
