// cxx_include.cpp — corolab.h is valid C++20 (co_await, co_yield and
// co_return are keywords there): include it and call into the runtime.
#include "corolab.h"

#include <cstdio>
#include <cstring>

int main() {
  cl_Runtime *R = cl_runtime_new(nullptr, nullptr);
  if (R == nullptr) return 1;
  int done = -1;
  cl_Error *e = cl_done(R, cl_noop_coroutine(R), &done);
  cl_Awaitable never = cl_suspend_never();
  int ok = e == nullptr && done == 0 && never.ops == &cl_suspend_never_ops &&
           cl_event_kind_from_name("await_suspend") == CL_EV_AWAIT_SUSPEND &&
           std::strcmp(COROLAB_VERSION, "") != 0;
  e = cl_resume(R, cl_Handle{});                     // the null handle
  ok = ok && e != nullptr && cl_error_kind(e) == CL_MISUSE;
  cl_error_free(R, e);
  ok = ok && cl_runtime_close(R) == 0;
  std::printf("%s\n", ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
