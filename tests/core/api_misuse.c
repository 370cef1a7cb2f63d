/*
** api_misuse.c — breaks one of corolab.h's preconditions, named by argv[1]
** (a NULL, or a handle of another runtime); built with COROLAB_APICHECK the
** library must abort, naming it.
** ctest expects the message (see CMakeLists.txt).
*/
#include <stdio.h>
#include <string.h>

#include "corolab.h"

static void body(cl_Step *s) {
  CL_BEGIN(s);
  CL_END(s);
}

static const cl_Coroutine co = {
  .name = "foreign", .promise_type = &cl_generator_type, .step = body
};

int main(int argc, char **argv) {
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  const char *which = argc > 1 ? argv[1] : "";
  cl_Handle null = {0};
  if (strcmp(which, "resume") == 0) cl_resume(NULL, null);
  else if (strcmp(which, "done") == 0) cl_done(R, null, NULL);
  else if (strcmp(which, "call") == 0) cl_call(R, NULL, NULL, NULL);
  else if (strcmp(which, "observe") == 0) cl_observe(R, NULL, NULL);
  else if (strcmp(which, "error") == 0) puts(cl_error_message(NULL));
  else if (strcmp(which, "foreign") == 0) {         /* a handle of another runtime */
    cl_Runtime *other = cl_runtime_new(NULL, NULL);
    cl_Handle g;
    cl_call(other, &co, NULL, &g);
    cl_resume(R, g);
    cl_runtime_close(other);
  }
  cl_runtime_close(R);
  puts("no precondition was checked");
  return 0;
}
