// say.hpp — print one line (printf-style): what every C++ program here
// prints with.
#pragma once
#include <cstdarg>
#include <cstdio>

inline void say(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::vprintf(fmt, ap);
  va_end(ap);
  std::putchar('\n');
}
