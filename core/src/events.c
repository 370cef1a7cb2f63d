/*
** events.c — the names of lifecycle events and of their causes, and the
** observers (cl_observe) that each emitted event is handed to.
*/
#include <string.h>

#include "events.h"

const char *const cl_event_names[CL_EV_COUNT] = {
#define CL_NAME_(k, s) s,
  CL_EVENT_KINDS(CL_NAME_)
#undef CL_NAME_
};

const char *const cl_cause_names[CL_CAUSE_COUNT] = {
  "",
#define CL_NAME_(k, s) s,
  CL_EVENT_CAUSES(CL_NAME_)
#undef CL_NAME_
};

static const char *const event_keys[CL_EV_COUNT] = {
#define CL_KEY_(k, s) #k,
  CL_EVENT_KINDS(CL_KEY_)
#undef CL_KEY_
};

static int same_key(const char *key, const char *s) {  /* "AWAIT_READY" ~ "await_ready" */
  for (; *key && *s; key++, s++) {
    char c = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
    if (c != *key) return 0;
  }
  return *key == *s;
}

int cl_event_kind_from_name(const char *s) {
  cl_api_check(s != NULL, "cl_event_kind_from_name: s must not be NULL");
  for (int k = 0; k < CL_EV_COUNT; k++)
    if (strcmp(cl_event_names[k], s) == 0 || same_key(event_keys[k], s)) return k;
  return -1;
}

void cl_emit_(cl_Runtime *R, cl_EventKind kind, const cl_FrameState *st,
              unsigned other, cl_EventCause cause, const char *detail,
              const void *value) {
  cl_Event ev;
  ev.kind = kind;
  ev.frame_id = st ? st->id : 0;
  ev.frame = st ? cl_frame_of_state(st) : NULL;
  ev.index = st ? st->index : 0;
  ev.depth = R->depth > 0 ? R->depth - 1 : 0;   /* 0: outermost resume */
  ev.other_id = other;
  ev.cause = cause;
  ev.detail = detail ? detail : "";
  ev.value = value;
  ev.serial = ++R->events;
  /* observers may unsubscribe while we iterate: walk by id */
  for (int i = 0; i < R->nobservers; i++) {
    int id = R->observers[i].id;
    R->observers[i].fn(R, &ev, R->observers[i].ud);
    if (i >= R->nobservers || R->observers[i].id != id) i--;
  }
}

int cl_observe(cl_Runtime *R, cl_Observer fn, void *ud) {
  cl_api_check(R != NULL && fn != NULL, "cl_observe: R and fn must not be NULL");
  if (R->nobservers == R->observers_size) {
    int nsize = R->observers_size ? R->observers_size * 2 : 4;
    Observer *o = (Observer *)cl_alloc(R, (size_t)nsize * sizeof *o);
    if (o == NULL) return -1;
    if (R->nobservers) memcpy(o, R->observers, (size_t)R->nobservers * sizeof *o);
    cl_free(R, R->observers, (size_t)R->observers_size * sizeof *o);
    R->observers = o;
    R->observers_size = nsize;
  }
  Observer *o = &R->observers[R->nobservers++];
  o->fn = fn;
  o->ud = ud;
  o->id = R->next_observer++;
  return o->id;
}

void cl_unobserve(cl_Runtime *R, int id) {
  cl_api_check(R != NULL, "cl_unobserve: R must not be NULL");
  for (int i = 0; i < R->nobservers; i++) {
    if (R->observers[i].id == id) {
      memmove(&R->observers[i], &R->observers[i + 1],
              (size_t)(R->nobservers - i - 1) * sizeof *R->observers);
      R->nobservers--;
      return;
    }
  }
}
