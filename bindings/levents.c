/*
** levents.c — lifecycle events and introspection from Lua: observers
** (coro.observe) of the core's events and of the bindings' own (coro_tell),
** the live frames, a frame's layout, promise and locals.
*/
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>

#include "lcoro.h"

/* the enum names of event kinds, causes and states (the keys of
   coro.events, coro.causes and coro.states, in lower case) */
#define KEY_(k, s) #k,
static const char *const event_keys[CL_EV_COUNT] = {CL_EVENT_KINDS(KEY_)};
static const char *const cause_keys[CL_CAUSE_COUNT] = {"NONE", CL_EVENT_CAUSES(KEY_)};
static const char *const state_keys[CL_STATE_COUNT] = {CL_STATES(KEY_)};
#undef KEY_

static void pushkey(lua_State *L, const char *key) {   /* AWAIT_READY: await_ready */
  char lower[48];
  size_t i;
  for (i = 0; key[i] != '\0' && i < sizeof lower - 1; i++)
    lower[i] = (char)tolower((unsigned char)key[i]);
  lua_pushlstring(L, lower, i);
}

/* ---------------------------------------------------------- observers -- */

static void pushframe(Ctx *c, lua_State *L, cl_Frame *f) {
  coro_pushhandle(c, L, f, cl_frame_id(c->R, f), coro_frametype(c, f));
}

/* ev.args of a Lua-bodied frame's event: yield_value(v) and return_value(v)
   (v on top of the body's thread), the parameter copies and the promise's
   constructor (the call's arguments, packed when Lua observes); a C body's
   are bare pointers, left out */
static void pushargs(Ctx *c, lua_State *L, const cl_Event *ev) {
  cl_FrameInfo info;
  if (!cl_frame_info(c->R, ev->frame, &info) || !coro_isbody(info.coroutine)) return;
  if (ev->kind == CL_EV_YIELD_VALUE || ev->kind == CL_EV_RETURN_VALUE) {
    if (ev->value != (const void *)((Body *)info.locals)->T) return;
    lua_createtable(L, 1, 0);
    coro_pushvalue(L, (void *)ev->value);
    lua_rawseti(L, -2, 1);
  } else if (ev->kind == CL_EV_PARAMS_COPY || ev->kind == CL_EV_PROMISE_CONSTRUCT) {
    const CallArgs *a = (const CallArgs *)ev->value;
    if (a->args == LUA_NOREF) return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->args);
  } else
    return;
  lua_setfield(L, -2, "args");
}

void coro_returned(Ctx *c, lua_State *L, const char *member) {
  if (c->nobservers == 0 || !lua_checkstack(L, 2)) return;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->returned);
  lua_pushvalue(L, -2);
  lua_rawseti(L, -2, 1);
  lua_pop(L, 1);
  c->returned_member = member;
  c->returned_serial = 0;
}

/* ev.returned = {member = ..., value = ...}: for every observer of the
   first event after the member returned (serial: the event's; 0, one of
   the bindings' own, which coro_tell gives every observer), then
   forgotten */
static void pushreturned(Ctx *c, lua_State *L, unsigned long serial) {
  if (c->returned_serial == 0) c->returned_serial = serial;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->returned);
  if (c->returned_serial != serial) {
    lua_pushboolean(L, 0);
    lua_rawseti(L, -2, 1);
    lua_pop(L, 1);
    c->returned_member = NULL;
    return;
  }
  lua_createtable(L, 0, 2);
  lua_pushstring(L, c->returned_member);
  lua_setfield(L, -2, "member");
  lua_rawgeti(L, -2, 1);
  lua_setfield(L, -2, "value");
  lua_setfield(L, -3, "returned");
  lua_pop(L, 1);
}

/* push the event table: {kind, frame, handle, where, index, depth, other,
   detail, cause, unspecified, args, returned}. An observer before this
   one may have destroyed the frame (or made another at its address): the
   event names it only while its id is the event's */
static void pushevent(Ctx *c, lua_State *L, const CoroEvent *ev) {
  int alive = ev->frame && cl_frame_id(c->R, ev->frame) == ev->id;
  const PromiseType *t = alive ? coro_frametype(c, ev->frame) : NULL;
  char where[128];
  if (alive) cl_where(c->R, ev->frame, where, sizeof where);
  lua_createtable(L, 0, 10);
  lua_pushstring(L, ev->kind);
  lua_setfield(L, -2, "kind");
  lua_pushinteger(L, ev->id);
  lua_setfield(L, -2, "frame");
  if (alive) {
    coro_pushhandle(c, L, ev->frame, ev->id, t);
    lua_setfield(L, -2, "handle");
    lua_pushstring(L, where);
    lua_setfield(L, -2, "where");
  }
  lua_pushinteger(L, ev->index);
  lua_setfield(L, -2, "index");
  lua_pushinteger(L, ev->depth);
  lua_setfield(L, -2, "depth");
  lua_pushinteger(L, ev->other);
  lua_setfield(L, -2, "other");
  lua_pushstring(L, ev->detail);
  lua_setfield(L, -2, "detail");
  if (ev->cause != CL_CAUSE_NONE) {
    pushkey(L, cause_keys[ev->cause]);
    lua_setfield(L, -2, "cause");
  }
  if (ev->unspecified) {
    lua_pushstring(L, ev->unspecified);
    lua_setfield(L, -2, "unspecified");
  }
  if (alive && ev->core && ev->core->value) pushargs(c, L, ev->core);
  if (ev->object) {
    lua_createtable(L, 1, 0);
    lua_pushvalue(L, ev->object);
    lua_rawseti(L, -2, 1);
    lua_setfield(L, -2, "args");
  }
  if (c->returned_member) pushreturned(c, L, ev->serial);
}

/* call the observer whose ref is at obs with the event (table on top) */
static void callobserver(Ctx *c, lua_State *L, int ref) {
  lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
  lua_insert(L, -2);
  c->live.observing++;
  int status = lua_pcall(L, 1, 0, 0);
  c->live.observing--;
  if (status != LUA_OK) coro_warn(c, "an observer", L);
}

/* protected: c, the event, the observer's ref */
static int pobserver(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  const CoroEvent *ev = (const CoroEvent *)lua_touserdata(L, 2);
  pushevent(c, L, ev);
  callobserver(c, L, (int)lua_tointeger(L, 3));
  return 0;
}

/* the events of a co_await's awaiter */
static int ofawaiter(cl_EventKind k) {
  return k == CL_EV_AWAIT_TRANSFORM || k == CL_EV_OPERATOR_CO_AWAIT ||
         k == CL_EV_AWAIT_READY || k == CL_EV_SUSPEND || k == CL_EV_AWAIT_SUSPEND ||
         k == CL_EV_AWAIT_RESUME || k == CL_EV_AWAITER_DESTROY;
}

/* which unspecified order decides where a core event comes: the body's
   (its co_await in coro.co_awaits), the arguments' (coro.args: every
   event while one is made), or the event's own kind */
static const char *unspecified(Ctx *c, const cl_Event *ev, Body *b) {
  if (b && b->unspecified && ofawaiter(ev->kind)) return b->unspecified;
  if (c->unspecified) return c->unspecified;
  if (ev->kind == CL_EV_RETURN_OBJECT_DESTROY) return "return_object_destruction";
  if (ev->kind == CL_EV_PARAMS_DESTROY && b && b->destructors > 1)
    return "parameter_destruction";
  return NULL;
}

int coro_eventof(Ctx *c, const cl_Event *ev, CoroEvent *e) {
  Body *b = ev->frame && cl_frame_id(c->R, ev->frame) == ev->frame_id
          ? coro_framebody(c, ev->frame) : NULL;
  if (b) b->depth = ev->depth;
  if (ev->kind == CL_EV_AWAIT_RESUME && b && b->defer) return 0;
  if (ev->kind == CL_EV_RETURN_OBJECT_DESTROY && c->order == ORDER_CLANG) {
    c->held = ev->frame_id;
    return 0;
  }
  e->kind = cl_event_names[ev->kind];
  e->frame = ev->frame;
  e->id = ev->frame_id;
  e->other = ev->other_id;
  e->index = ev->index;
  e->depth = ev->depth;
  e->cause = ev->cause;
  e->detail = ev->detail;
  e->unspecified = unspecified(c, ev, b);
  e->serial = ev->serial;
  e->core = ev;
  e->object = 0;
  return 1;
}

/* the event, told to the observer ud; out of memory for the event: the
   observer misses it, with a warning */
static void observer(cl_Runtime *R, const cl_Event *ev, void *ud) {
  Ctx *c = ctx_of(R);
  lua_State *L = c->L;
  CoroEvent e;
  if (!coro_eventof(c, ev, &e) || !lua_checkstack(L, 1)) return;
  lua_pushinteger(L, (lua_Integer)(intptr_t)ud);
  cl_Error *err = coro_protect(c, L, pobserver, &e, -1, 1, "observe");
  lua_pop(L, 1);
  if (err) {
    lua_warning(L, "coro: an observer missed an event: ", 1);
    lua_warning(L, cl_error_message(err), 0);
    cl_error_free(R, err);
  }
}

/* protected: c, the event[, its object]: to every observer, in the
   order they came */
static int ptell(lua_State *L) {
  Ctx *c = (Ctx *)lua_touserdata(L, 1);
  CoroEvent *ev = (CoroEvent *)lua_touserdata(L, 2);
  if (ev->object) ev->object = 3;
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->observers);
  int observers = lua_gettop(L);
  for (int id = 0; id <= c->max_observer; id++)
    if (lua_rawgeti(L, observers, id) == LUA_TNUMBER) {
      int ref = (int)lua_tointeger(L, -1);
      lua_pop(L, 1);
      pushevent(c, L, ev);
      callobserver(c, L, ref);
    } else
      lua_pop(L, 1);
  c->returned_member = NULL;            /* told with this one, if any */
  return 0;
}

void coro_tell(Ctx *c, lua_State *L, const char *kind, cl_Frame *f, unsigned id,
               cl_EventCause cause, const char *detail, const char *unspecified,
               int object) {
  Body *b = f && cl_frame_id(c->R, f) == id ? coro_framebody(c, f) : NULL;
  cl_FrameInfo info;
  CoroEvent e;
  if (c->nobservers == 0) return;
  if (object) object = lua_absindex(L, object);
  e.kind = kind;
  e.frame = f;
  e.id = id;
  e.other = 0;
  e.index = f && cl_frame_info(c->R, f, &info) && info.id == id ? info.index : 0;
  e.depth = b ? b->depth : 0;
  e.cause = cause;
  e.detail = detail;
  e.unspecified = unspecified;
  e.serial = 0;
  e.core = NULL;
  e.object = object;
  coro_taperecord(c, L, &e);
  cl_Error *err = coro_protect(c, L, ptell, &e, object, object ? 1 : 0, "observe");
  if (err) {
    lua_warning(L, "coro: an observer missed an event: ", 1);
    lua_warning(L, cl_error_message(err), 0);
    cl_error_free(c->R, err);
  }
}

static int observe(lua_State *L) {
  Ctx *c = ctx_up(L);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  int ref = luaL_ref(L, LUA_REGISTRYINDEX);
  int id = cl_observe(c->R, observer, (void *)(intptr_t)ref);
  if (id < 0) {
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
    return luaL_error(L, "not enough memory");
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->observers);
  lua_pushinteger(L, ref);
  lua_rawseti(L, -2, id);
  c->nobservers++;
  if (id > c->max_observer) c->max_observer = id;
  lua_pushinteger(L, id);
  return 1;
}

static int unobserve(lua_State *L) {
  Ctx *c = ctx_up(L);
  lua_Integer id = luaL_checkinteger(L, 1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->observers);
  if (lua_rawgeti(L, -1, id) == LUA_TNUMBER) {
    cl_unobserve(c->R, (int)id);
    luaL_unref(L, LUA_REGISTRYINDEX, (int)lua_tointeger(L, -1));
    lua_pushnil(L);
    lua_rawseti(L, -3, id);
    c->nobservers--;
  }
  return 0;
}

/* ------------------------------------------------------ introspection -- */

static int pframes(lua_State *L) {
  Ctx *c = ctx_up(L);
  size_t n = cl_frames(c->R, NULL, 0);
  cl_Frame **all = (cl_Frame **)lua_newuserdatauv(L, (n ? n : 1) * sizeof *all, 0);
  n = cl_frames(c->R, all, n);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    pushframe(c, L, all[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int running(lua_State *L) {
  Ctx *c = ctx_up(L);
  cl_Frame *f = cl_running(c->R);
  if (f == NULL) lua_pushnil(L);
  else pushframe(c, L, f);
  return 1;
}

static void setint(lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

/* append {name=, value=} to the table at into; the value is on top of T */
static void addvar(lua_State *L, int into, lua_State *T, const char *name) {
  lua_xmove(T, L, 1);
  lua_createtable(L, 0, 2);
  lua_insert(L, -2);
  lua_setfield(L, -2, "value");
  lua_pushstring(L, name);
  lua_setfield(L, -2, "name");
  lua_rawseti(L, into, (lua_Integer)lua_rawlen(L, into) + 1);
}

/* t.params and t.locals: the body's variables, as debug.getlocal sees them */
static void variables(lua_State *L, lua_State *T) {
  lua_Debug ar;
  const char *name;
  int params, locals;
  lua_newtable(L);
  params = lua_gettop(L);
  lua_newtable(L);
  locals = params + 1;
  if (coro_bodylevel(T, &ar)) {
    lua_getinfo(T, "u", &ar);
    for (int i = 1; (name = lua_getlocal(T, &ar, i)) != NULL; i++) {
      if (name[0] == '(') lua_pop(T, 1);                /* a temporary */
      else addvar(L, i <= ar.nparams ? params : locals, T, name);
    }
  } else if (lua_status(T) == LUA_OK) {                 /* not started */
    for (int i = 1; i < lua_gettop(T); i++) {
      lua_pushvalue(T, 1);
      name = lua_getlocal(T, NULL, i);
      lua_pop(T, 1);
      lua_pushvalue(T, i + 1);
      addvar(L, params, T, name ? name : "?");
    }
  }
  lua_setfield(L, -3, "locals");
  lua_setfield(L, -2, "params");
}

static int pinfo(lua_State *L) {
  Ctx *c = ctx_up(L);
  Handle *h = coro_checkhandle(L, 1);
  cl_Frame *f = h->f;
  cl_FrameInfo fi;
  char where[128];
  if (!cl_frame_info(c->R, f, &fi) || (h->id && fi.id != h->id)) return 0;
  const PromiseType *t = (const PromiseType *)fi.coroutine->promise_type->userdata;
  lua_createtable(L, 0, 15);
  setint(L, "id", fi.id);
  pushkey(L, state_keys[fi.state]);
  lua_setfield(L, -2, "state");
  cl_where(c->R, f, where, sizeof where);
  lua_pushstring(L, where);
  lua_setfield(L, -2, "where");
  setint(L, "index", fi.index);
  lua_pushstring(L, fi.coroutine->name);
  lua_setfield(L, -2, "coroutine");
  lua_pushstring(L, t->name);
  lua_setfield(L, -2, "promise_type");
  setint(L, "frame_size", (lua_Integer)fi.frame_size);
  lua_createtable(L, 0, 5);
  setint(L, "resume", 0);
  setint(L, "destroy", CL_FRAME_DESTROY_OFFSET);
  setint(L, "promise", (lua_Integer)fi.promise_offset);
  setint(L, "state", (lua_Integer)fi.state_offset);
  setint(L, "locals", (lua_Integer)fi.locals_offset);
  lua_setfield(L, -2, "offsets");
  if (fi.promise_alive) {
    t->push(c, L, fi.promise);
    lua_setfield(L, -2, "promise");
  }
  if (fi.awaiter.ops != NULL) {
    cl_Error *e = coro_pushawaitable(c, L, fi.awaiter);
    if (e) return coro_raise(c, L, e);
    lua_setfield(L, -2, "awaiter");
  }
  lua_pushboolean(L, coro_isbody(fi.coroutine));
  lua_setfield(L, -2, "lua_body");
  if (coro_isbody(fi.coroutine) && ((Body *)fi.locals)->T != NULL)
    variables(L, ((Body *)fi.locals)->T);
  return 1;
}

/* the frame behind handle h, if it is still the one h was made for */
static int glanced(Ctx *c, Handle *h, cl_FrameInfo *fi) {
  return cl_frame_info(c->R, h->f, fi) && !(h->id && fi->id != h->id);
}

/* coro.glance(h): state, where, promise, awaiter — what a frame is at this
   moment, cheaply (the recorder reads it at every event): no table made
   and the collector left running. An allocation may run a finalizer that
   destroys the frame, so the frame is read again after each push that may
   allocate, and the strings are pushed last, from copies */
static int glance(lua_State *L) {
  Ctx *c = ctx_up(L);
  Handle *h = coro_checkhandle(L, 1);
  cl_FrameInfo fi;
  char where[128];
  lua_settop(L, 1);
  if (!glanced(c, h, &fi)) return 0;
  const PromiseType *t = (const PromiseType *)fi.coroutine->promise_type->userdata;
  const char *state = state_keys[fi.state];
  cl_where(c->R, h->f, where, sizeof where);
  if (fi.promise_alive) t->push(c, L, fi.promise);
  else lua_pushnil(L);
  if (glanced(c, h, &fi) && fi.awaiter.ops != NULL) {
    cl_Error *e = coro_pushawaitable(c, L, fi.awaiter);
    if (e) return coro_raise(c, L, e);
  } else
    lua_pushnil(L);
  pushkey(L, state);
  lua_pushstring(L, where);
  lua_rotate(L, 2, 2);                   /* state, where, promise, awaiter */
  return 4;
}

/* coro.frames(), coro.info(h): they read frames across allocations */
static int frames(lua_State *L) {
  lua_settop(L, 0);
  return coro_nogc(ctx_up(L), L, pframes);
}

static int info(lua_State *L) {
  lua_settop(L, 1);
  return coro_nogc(ctx_up(L), L, pinfo);
}

/* {key = "await_ready", name = "await_ready"}, ...: the n kinds of a list
   from the core, first to n - 1, in the core's order */
static void pushkinds(lua_State *L, const char *const keys[],
                      const char *const names[], int first, int n) {
  lua_createtable(L, n - first, 0);
  for (int k = first; k < n; k++) {
    lua_createtable(L, 0, 2);
    pushkey(L, keys[k]);
    lua_setfield(L, -2, "key");
    lua_pushstring(L, names[k]);
    lua_setfield(L, -2, "name");
    lua_rawseti(L, -2, k - first + 1);
  }
}

/* how many times the runtime called an awaiter's await_ready: not at the
   co_awaits it does itself (see cl_await_ready_calls) */
static int await_ready_calls(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)cl_await_ready_calls(ctx_up(L)->R));
  return 1;
}

static const luaL_Reg funcs[] = {
  {"observe", observe}, {"unobserve", unobserve}, {"frames", frames},
  {"running", running}, {"info", info}, {"glance", glance},
  {"await_ready_calls", await_ready_calls}, {NULL, NULL}
};

void coro_openevents(lua_State *L, Ctx *c) {
  coro_newlib(L, c, funcs);
  pushkinds(L, event_keys, cl_event_names, 0, CL_EV_COUNT);
  lua_createtable(L, 0, 2);              /* the bindings' own, after the core's */
  lua_pushliteral(L, "temporary_destroy");
  lua_setfield(L, -2, "key");
  lua_pushliteral(L, "~temporary");
  lua_setfield(L, -2, "name");
  lua_rawseti(L, -2, CL_EV_COUNT + 1);
  lua_setfield(L, -2, "events");
  pushkinds(L, cause_keys, cl_cause_names, 1, CL_CAUSE_COUNT);   /* not NONE */
  lua_setfield(L, -2, "causes");
  pushkinds(L, state_keys, cl_state_names, 0, CL_STATE_COUNT);
  lua_setfield(L, -2, "states");
}
