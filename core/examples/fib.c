/* fib.c — a generator: the first n Fibonacci numbers, co_yield in a loop */
#include <stdio.h>

#include "corolab.h"

typedef struct Fib { int n; long long a, b; int i; } Fib;   /* n: argument */

static void fib(cl_Step *s) {                 /* generator<long long> fib(int n) */
  Fib *l = s->locals;
  CL_BEGIN(s);
  for (l->a = 0, l->b = 1, l->i = 0; l->i < l->n; l->i++) {
    CL_YIELD(s, &l->a);
    l->b += l->a;
    l->a = l->b - l->a;
  }
  CL_END(s);
}

static const cl_Coroutine fib_coroutine = {
  .name = "fib", .promise_type = &cl_generator_type, .locals_size = sizeof(Fib),
  .args_size = sizeof(int), .step = fib, .source = __FILE__
};

int main(void) {
  cl_Runtime *R = cl_runtime_new(NULL, NULL);
  cl_Handle g = {0};                     /* the null handle, until the call */
  void *v;
  cl_Error *e = cl_call(R, &fib_coroutine, &(int){10}, &g);
  while (e == NULL && (e = cl_generator_next(R, g, &v)) == NULL && v != NULL)
    printf("%lld ", *(long long *)v);
  printf("\n");
  if (e == NULL) e = cl_destroy(R, g);   /* after an error, the close destroys it */
  if (e) fprintf(stderr, "fib: %s\n", cl_error_message(e));
  int failed = e != NULL;
  cl_error_free(R, e);                   /* each error is its caller's to free */
  cl_runtime_close(R);
  return failed;
}
