/*
** await.h — the co_await protocol ([expr.await]) for one frame: from the
** operand to the awaiter, await_ready, suspension, await_suspend; then
** await_resume and the end of the full-expression.
*/
#ifndef CL_AWAIT_H
#define CL_AWAIT_H

#include "frame.h"

#ifdef CL_QUIET            /* the quiet driver's names (see events.h) */
#define cl_await cl_await_quiet
#define cl_await_resume cl_await_resume_quiet
#define cl_await_destroy_temps cl_await_destroy_temps_quiet
#define cl_await_forget_temps cl_await_forget_temps_quiet
#define cl_ill_formed cl_ill_formed_quiet
#endif

/* the quiet driver's entry points */
cl_Error *cl_call_quiet(cl_Runtime *R, const cl_Coroutine *co, void *args, void *ret);
cl_Error *cl_resume_quiet(cl_Runtime *R, cl_Handle h);
cl_Error *cl_destroy_quiet(cl_Runtime *R, cl_Handle h);
cl_Error *cl_generator_next_quiet(cl_Runtime *R, cl_Handle h, void **value);
/* next()'s error for a generator (h, st) that yielded a null pointer
   (generator.c) */
cl_Error *cl_yielded_null(cl_Runtime *R, cl_Handle h, cl_FrameState *st);

typedef enum AwaitKind {   /* which co_await: only plain ones are transformed */
  AWAIT_INITIAL, AWAIT_PLAIN, AWAIT_YIELD, AWAIT_FINAL
} AwaitKind;

typedef enum AwaitStage {  /* which of a co_await's temporaries an awaiter is */
  STAGE_OPERAND,           /* the operand (for initial, yield and final: what
                              initial_suspend, yield_value, final_suspend made) */
  STAGE_TRANSFORMED,       /* what await_transform returned */
  STAGE_CO_AWAITED         /* what operator co_await returned */
} AwaitStage;

/* both kept in one byte (cl_FrameState.await), so that starting a
   co_await is one store */
#define cl_await_kind(st)   ((AwaitKind)((st)->await & 3))
#define cl_await_stage(st)  ((AwaitStage)((st)->await >> 2))
static inline void cl_set_await(cl_FrameState *st, AwaitKind kind, AwaitStage stage) {
  st->await = (unsigned char)(kind | stage << 2);
}

typedef enum AwaitOutcome {
  AWAIT_RESUMES,           /* not suspended, or resumed at once: call cl_await_resume */
  AWAIT_SUSPENDED,         /* control returns to the resumer; frame untouched */
  AWAIT_TRANSFERS,         /* symmetric transfer to *next (NULL: to
                              noop_coroutine(), back to the resumer) */
  AWAIT_THROWS,            /* *error is raised at the co_await */
  AWAIT_ILL_FORMED,        /* *error, a CL_MISUSE (an awaitable without ops),
                              ends the coroutine: to the resumer, never to
                              unhandled_exception; the temporaries are gone */
  AWAIT_BROKEN             /* *error goes to the resumer: the frame is gone or
                              was resumed behind our back (undefined in C++) */
} AwaitOutcome;

AwaitOutcome cl_await(cl_Runtime *R, cl_FrameState *st, cl_Awaitable operand,
                      AwaitKind kind, void *result, cl_FrameState **next,
                      cl_Error **error);
/* await_resume, then the temporaries die; returns what it raised */
cl_Error *cl_await_resume(cl_Runtime *R, cl_FrameState *st);
/* destroy the pending co_await's temporaries, innermost first */
void cl_await_destroy_temps(cl_Runtime *R, cl_FrameState *st);
/* let them go without destroying them (what g++ does in one case) */
void cl_await_forget_temps(cl_Runtime *R, cl_FrameState *st);
/* an ill-formed-program error raised where it is found, and its event */
cl_Error *cl_ill_formed(cl_Runtime *R, cl_FrameState *st, const char *fmt, ...);

#endif
