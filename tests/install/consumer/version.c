/* version.c — the installed library is the installed header's: cl_version()
   at run time is COROLAB_VERSION at compile time (prints it; status 1 if not) */
#include <stdio.h>
#include <string.h>

#include "corolab.h"

int main(void) {
  printf("%s\n", cl_version());
  return strcmp(cl_version(), COROLAB_VERSION) != 0;
}
