/*
** events.h — emitting lifecycle events. With no observer an event costs one
** predictable branch; -DCL_NO_EVENTS compiles them out (for measurements).
*/
#ifndef CL_EVENTS_H
#define CL_EVENTS_H

#include "frame.h"

void cl_emit_(cl_Runtime *R, cl_EventKind kind, const cl_FrameState *st,
              unsigned other, const char *detail);

#ifdef CL_NO_EVENTS
#define cl_emit(R, kind, st, other, detail) ((void)0)
#define cl_observed(R) 0
#else
#define cl_observed(R) ((R)->nobservers != 0)
#define cl_emit(R, kind, st, other, detail) \
  do { if (cl_observed(R)) cl_emit_(R, kind, st, other, detail); } while (0)
#endif

#endif
