/*
** poison.h — memory the runtime keeps but nobody may touch (a freed frame
** kept for reuse): the sanitizers and valgrind learn it too, so that a use
** after free is still caught. A mark for valgrind costs a dozen
** instructions even where valgrind is not running, so it is made only
** where it is: watched, what cl_poison_watched() said when the runtime
** was made (cl_Slabs.watched). Internal to core/.
*/
#ifndef CL_POISON_H
#define CL_POISON_H

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define keep_poisoned(watched, p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define take_unpoisoned(watched, p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#define cl_poison_watched() 1
#elif defined(__has_include)
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#define keep_poisoned(watched, p, n) \
  do { if (watched) VALGRIND_MAKE_MEM_NOACCESS((p), (n)); } while (0)
#define take_unpoisoned(watched, p, n) \
  do { if (watched) VALGRIND_MAKE_MEM_UNDEFINED((p), (n)); } while (0)
#define cl_poison_watched() (RUNNING_ON_VALGRIND != 0)
#endif
#endif
#ifndef keep_poisoned
#define keep_poisoned(watched, p, n)   ((void)(watched), (void)(p), (void)(n))
#define take_unpoisoned(watched, p, n) ((void)(watched), (void)(p), (void)(n))
#define cl_poison_watched() 0
#endif

#endif
