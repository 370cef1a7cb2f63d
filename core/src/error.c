/*
** error.c — errors as values: a kind, a message and an optional payload
** (the C form of an exception object). The runtime keeps a list of those
** alive, so that closing it frees what its owners forgot.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "frame.h"

static cl_Error *error_alloc(cl_Runtime *R, cl_ErrorKind kind, size_t len) {
  cl_Error *e = (cl_Error *)cl_alloc(R, sizeof(cl_Error) + len + 1);
  if (e == NULL) return R->oom;
  e->kind = kind;
  e->payload = NULL;
  e->release = NULL;
  e->prev = NULL;
  e->next = R->errors;
  if (R->errors) R->errors->prev = e;
  R->errors = e;
  return e;
}

cl_Error *cl_error_new(cl_Runtime *R, cl_ErrorKind kind, const char *fmt, ...) {
  cl_api_check(R != NULL && fmt != NULL, "cl_error_new: R and fmt must not be NULL");
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (len < 0) len = 0;
  cl_Error *e = error_alloc(R, kind, (size_t)len);
  if (e == R->oom) return e;
  va_start(ap, fmt);
  vsnprintf(e->message, (size_t)len + 1, fmt, ap);
  va_end(ap);
  return e;
}

cl_Error *cl_error_with_payload(cl_Runtime *R, const char *message,
                                void *payload, cl_PayloadFree release) {
  cl_api_check(R != NULL && message != NULL,
               "cl_error_with_payload: R and message must not be NULL");
  size_t len = strlen(message);
  cl_Error *e = error_alloc(R, CL_EXCEPTION, len);
  if (e == R->oom) {             /* the payload cannot travel: drop it */
    if (release) release(R, payload);
    return e;
  }
  memcpy(e->message, message, len + 1);
  e->payload = payload;
  e->release = release;
  return e;
}

cl_ErrorKind cl_error_kind(const cl_Error *e) {
  cl_api_check(e != NULL, "cl_error_kind: e must not be NULL");
  return e->kind;
}
const char *cl_error_message(const cl_Error *e) {
  cl_api_check(e != NULL, "cl_error_message: e must not be NULL");
  return e->message;
}
void *cl_error_payload(const cl_Error *e) {
  cl_api_check(e != NULL, "cl_error_payload: e must not be NULL");
  return e->payload;
}

void cl_error_free(cl_Runtime *R, cl_Error *e) {
  cl_api_check(R != NULL, "cl_error_free: R must not be NULL");
  if (e == NULL || e == R->oom) return;
  if (e->prev) e->prev->next = e->next;
  else R->errors = e->next;
  if (e->next) e->next->prev = e->prev;
  if (e->release) e->release(R, e->payload);
  cl_free(R, e, sizeof(cl_Error) + strlen(e->message) + 1);
}
