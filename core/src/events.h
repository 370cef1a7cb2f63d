/*
** events.h — emitting lifecycle events. The driver (driver.c, await.c) is
** compiled twice: observed, where an event with no observer costs one
** predictable branch, and quiet (-DCL_QUIET), where events do not exist. A
** call, resume or destroy takes the quiet driver when nothing observes as it
** starts. -DCL_NO_EVENTS compiles events out everywhere (for measurements).
*/
#ifndef CL_EVENTS_H
#define CL_EVENTS_H

#include "frame.h"

/* an event: kind, frame (NULL: none), the other frame's id, the cause, the
   detail for people (NULL: none) and the value (cl_Event) */
void cl_emit_(cl_Runtime *R, cl_EventKind kind, const cl_FrameState *st,
              unsigned other, cl_EventCause cause, const char *detail,
              const void *value);

#if defined(CL_NO_EVENTS) || defined(CL_QUIET)
#define cl_emit_why(R, kind, st, other, cause, detail) \
  ((void)(R), (void)(st), (void)(other), (void)(cause))
#define cl_emit_value(R, kind, st, detail, value) ((void)(R), (void)(st), (void)(value))
#define cl_observed(R) ((void)(R), 0)
#else
#define cl_observed(R) ((R)->nobservers != 0)
#define cl_emit_why(R, kind, st, other, cause, detail) \
  do { if (cl_observed(R)) cl_emit_(R, kind, st, other, cause, detail, NULL); } while (0)
/* with a value (cl_Event.value): an operand, or the call's arguments */
#define cl_emit_value(R, kind, st, detail, value) \
  do { if (cl_observed(R)) cl_emit_(R, kind, st, 0, CL_CAUSE_NONE, detail, value); } while (0)
#endif
#define cl_emit(R, kind, st, other, detail) \
  cl_emit_why(R, kind, st, other, CL_CAUSE_NONE, detail)
/* an event whose detail is the words of its cause (cl_cause_names) */
#define cl_emit_cause(R, kind, st, other, cause) \
  cl_emit_why(R, kind, st, other, cause, cl_cause_names[cause])

#endif
