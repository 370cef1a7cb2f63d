/*
** helpers.h — shared by the core tests: a log of named calls, a recording
** promise type and awaiter whose every callback appends an entry to the log
** (and throws when told to), and scripted C bodies: a list of statements run
** by one step function, its resume index the position in the list.
*/
#ifndef COROLAB_TEST_HELPERS_H
#define COROLAB_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "corolab.h"

/* ----------------------------------------------------------------- log -- */

#define LOG_MAX 160
#define LOG_ENTRY 96

typedef struct Log {
  int n;
  char entry[LOG_MAX][LOG_ENTRY];
} Log;

void log_add(Log *log, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
void log_check(const Log *log, const char *const *expected, size_t n,
               const char *file, int line);
/* the whole log must be exactly the entries given */
#define assert_log(log, ...) do { \
    static const char *const expected_[] = {__VA_ARGS__}; \
    log_check((log), expected_, sizeof expected_ / sizeof *expected_, \
              __FILE__, __LINE__); \
  } while (0)
#define assert_log_empty(log) log_check((log), NULL, 0, __FILE__, __LINE__)

/* the whole log must be what g++ 12 made of the same program: the lines
   of section "== <test>" in tests/cpp/core/<program>.expected (one copy:
   ctest core_order_<program> checks that g++ still prints it). A section
   that ends at "std::terminate", where C++ stops, is only the log's start:
   what the core does then is the test's to check. Returns how many lines
   the section has */
int log_check_gxx(const Log *log, const char *program, const char *test,
                  const char *file, int line);
#define assert_log_as_gxx_of(log, program, test) \
  log_check_gxx((log), (program), (test), __FILE__, __LINE__)
/* ... the section named after the calling test function */
#define assert_log_as_gxx(log, program) \
  assert_log_as_gxx_of((log), (program), __func__)

/* e must be an error of this kind whose message contains substr (is
   message, exactly); frees it */
void error_check(cl_Runtime *R, cl_Error *e, cl_ErrorKind kind,
                 const char *text, int exact, const char *file, int line);
#define assert_error(R, e, kind, substr) \
  error_check((R), (e), (kind), (substr), 0, __FILE__, __LINE__)
#define assert_error_exact(R, e, kind, message) \
  error_check((R), (e), (kind), (message), 1, __FILE__, __LINE__)
#define assert_ok(e) assert_null(e)
/* a and b are one handle: the same frame, with the same id */
#define assert_handle_equal(a, b) do { \
    cl_Handle a_ = (a), b_ = (b); \
    assert_ptr_equal(a_.frame, b_.frame); \
    assert_int_equal(a_.id, b_.id); \
  } while (0)

/* ------------------------------------------------------------- awaiter -- */

typedef struct RecAwaiter {
  const char *name;            /* log entries are "<name>.await_ready" etc. */
  int ready;                   /* await_ready's answer */
  cl_SuspendResult suspend;    /* await_suspend's (default: void) */
  long long value;             /* await_resume's, written to its result */
  cl_FrameInfo seen;           /* the frame as await_suspend found it */
} RecAwaiter;

extern const cl_AwaitableOps rec_awaiter_ops;
RecAwaiter rec_awaiter(const char *name, int ready);
cl_Awaitable rec_awaitable(RecAwaiter *a);

/* ------------------------------------------------------------- fixture -- */

typedef struct Fixture {
  cl_Runtime *R;               /* its userdata is the fixture */
  Log log;                     /* calls made by promises, awaiters, bodies */
  Log events;                  /* lifecycle events, once record_events ran */
  const char *throw_at;        /* a callback that logs this entry throws it */
  int rethrow;                 /* unhandled_exception rethrows */
  int fail_new;                /* operator new returns NULL */
  RecAwaiter initial, final, yield;   /* what the promise's members return */
  RecAwaiter transformed;      /* what await_transform returns */
} Fixture;

/* a fixture on a new runtime with this allocator (NULL: malloc) */
Fixture *fixture_new(cl_Alloc alloc, void *alloc_ud);
/* closes the runtime; returns how many frames leaked (errors never freed
   are printed) */
size_t fixture_free(Fixture *fx);
/* cmocka setup/teardown: a fresh runtime; teardown requires that no frame
   and no error leaked */
int fixture_setup(void **state);
int fixture_teardown(void **state);
#define FIXTURE_TEST(f) cmocka_unit_test_setup_teardown(f, fixture_setup, fixture_teardown)

Fixture *fixture_of(cl_Runtime *R);
/* log an entry; rec also throws it when it is the fixture's throw_at */
void note(cl_Runtime *R, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
cl_Error *rec(cl_Runtime *R, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
/* an observer that appends each event's name to the Log ud */
void log_event(cl_Runtime *R, const cl_Event *ev, void *ud);
/* subscribe log_event to fx->events */
void record_events(Fixture *fx);

/* ------------------------------------------------------- promise types -- */

/* every member logs its name; the return object is the handle (cl_Handle) */
typedef struct RecPromise { long long value; } RecPromise;
extern const cl_PromiseType rec_promise;          /* with return_void */
extern const cl_PromiseType rec_promise_valued;   /* with return_value */
/* with return_void and an await_transform: "await_transform(<name>)" of
   a RecAwaiter operand, returning fx->transformed */
extern const cl_PromiseType rec_promise_transforming;

/* ------------------------------------------------------ scripted bodies -- */

typedef enum OpKind {
  OP_NOTE,          /* a statement: log text */
  OP_LOCAL,         /* a local comes alive: "<text>.ctor" */
  OP_END_LOCAL,     /* the innermost local's scope ends: "~<text>" */
  OP_AWAIT,         /* co_await *awaiter */
  OP_YIELD,         /* co_yield value */
  OP_RETURN,        /* co_return value; */
  OP_RETURN_VOID,   /* co_return; */
  OP_RAISE,         /* throw an exception whose message is text */
  OP_CALL,          /* a statement: call(s) */
  OP_END            /* the closing brace: flows off */
} OpKind;

typedef struct Op {
  OpKind kind;
  const char *text;
  long long value;
  RecAwaiter *awaiter;
  void (*call)(cl_Step *s);
} Op;

#define NOTE(t)       {OP_NOTE, (t), 0, NULL, NULL}
#define LOCAL(t)      {OP_LOCAL, (t), 0, NULL, NULL}
#define END_LOCAL(t)  {OP_END_LOCAL, (t), 0, NULL, NULL}
#define AWAIT(a)      {OP_AWAIT, NULL, 0, (a), NULL}
#define YIELD(v)      {OP_YIELD, NULL, (v), NULL, NULL}
#define RETURN(v)     {OP_RETURN, NULL, (v), NULL, NULL}
#define RETURN_VOID   {OP_RETURN_VOID, NULL, 0, NULL, NULL}
#define RAISE(t)      {OP_RAISE, (t), 0, NULL, NULL}
#define CALL(f)       {OP_CALL, NULL, 0, NULL, (f)}
#define END           {OP_END, NULL, 0, NULL, NULL}

typedef struct ScriptLocals {
  const Op *script;
  long long result;            /* the last co_await's value */
  long long yielded;           /* what the last co_yield pointed at */
} ScriptLocals;

/* an allocator that fails the fail_at-th allocation (0: none) and counts
   the bytes live; it checks that the runtime never reallocates */
typedef struct FailingAlloc {
  size_t count, fail_at;
  size_t live_bytes;
  int failed;
} FailingAlloc;
void *failing_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* a coroutine whose body is script (ended by END); copying and destroying
   its parameters logs "params.copy" and "~params" */
cl_Coroutine script_coroutine(const char *name, const cl_PromiseType *pt,
                              const Op *script);
/* a coroutine (rec_promise) whose body co_awaits its argument, a
   cl_Awaitable, once, then logs "result=<value>" and flows off */
extern const cl_Coroutine one_await;

/* a generator (cl_generator_type): co_yield i for i in 0..n-1, n its
   argument (a long long) */
extern const cl_Coroutine range_generator;

/* cl_call it; returns the handle (the return object) or fails the test */
cl_Handle start_with(cl_Runtime *R, const cl_Coroutine *co, void *args);
#define start(R, co) start_with((R), (co), NULL)
/* these fail the test on an error */
void resume_ok(cl_Runtime *R, cl_Handle h);
void destroy_ok(cl_Runtime *R, cl_Handle h);
int done_of(cl_Runtime *R, cl_Handle h);

/* log fragments of a recording coroutine's life (fixture defaults) */
#define LAZY_PROLOGUE "operator new", "params.copy", "promise.ctor", \
  "get_return_object", "initial_suspend", "init.await_ready", "init.await_suspend"
#define INITIAL_RESUMED "init.await_resume", "~init"
#define FINAL_SUSPENDED "final_suspend", "final.await_ready", "final.await_suspend"
#define STATE_DESTROYED "~promise", "~params", "operator delete"

#endif
