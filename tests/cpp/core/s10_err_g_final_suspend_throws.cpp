// s10_err_g_final_suspend_throws.cpp — final_suspend, or the final
// awaiter's await_ready, throws. co_await promise.final_suspend() must not
// be potentially-throwing ([dcl.fct.def.coroutine]/15; g++ rejects a
// final_suspend not declared noexcept: ill_formed/s10_err_g_*.cpp), so
// they are noexcept and the throw calls std::terminate: the process ends
// there, nothing is destroyed. Each scenario runs in a child process whose
// terminate handler prints the log, then "std::terminate".
// Compare tests/core/test_errors.c: test_final_suspend_throws,
// test_final_await_ready_throws (the core reports an error instead, and
// goes on).
#include <sys/wait.h>
#include <unistd.h>
#include "rec.hpp"

Co<rec_promise> coro(Params) {
  if (false) co_return;               // flows off its end
}

static void final_suspend_throws(const char *test, const char *throw_at) {
  std::fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    std::set_terminate([] {
      show_log();
      std::printf("std::terminate\n");
      std::fflush(stdout);
      _exit(0);
    });
    scene(test);
    auto h = coro(Params{}).take();
    fx.throw_at = throw_at;
    forget();
    h.resume();
    show_log();
    std::printf("resume() returned\n");
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
}

int main() {
  final_suspend_throws("test_final_suspend_throws", "final_suspend");
  final_suspend_throws("test_final_await_ready_throws", "final.await_ready");
}
