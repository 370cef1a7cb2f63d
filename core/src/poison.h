/*
** poison.h — memory the runtime keeps but nobody may touch (a freed frame
** kept for reuse): the sanitizers and valgrind learn it too, so that a use
** after free is still caught. Internal to core/.
*/
#ifndef CL_POISON_H
#define CL_POISON_H

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define keep_poisoned(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define take_unpoisoned(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#elif defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define keep_poisoned(p, n)   VALGRIND_MAKE_MEM_NOACCESS((p), (n))
#define take_unpoisoned(p, n) VALGRIND_MAKE_MEM_UNDEFINED((p), (n))
#endif
#endif
#ifndef keep_poisoned
#define keep_poisoned(p, n)   ((void)(p), (void)(n))
#define take_unpoisoned(p, n) ((void)(p), (void)(n))
#endif

#endif
