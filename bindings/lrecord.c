/*
** lrecord.c — the tape (coro.tape): every lifecycle event recorded as it
** happens, by an observer written in C, for an explorer to read back when
** someone looks. An event costs a copy of its fields, its strings
** interned, and a look at the frames it can have changed: the one it is
** about, the one a transfer leaves or a return goes back from, and those
** that have come in (called, resumed, destroyed, transferred to) and not
** left (returned, transferred from, freed). A frame whose state, suspend
** point, promise or awaiter differs from the last look gets a snapshot.
** Values stay values where they cannot change (nil, booleans, numbers,
** strings, and a table of those is copied); anything else is made text
** at once by the tape's renderers, so that the tape keeps nothing of the
** run alive.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lcoro.h"

static const char CORO_TAPE[] = "coro.tape";

/* the tape's Lua side, its user values */
enum {
  UV_STRINGS = 1,    /* id -> an interned string */
  UV_PROMISES,       /* frame id -> its promise at the last look */
  UV_AWAITERS,       /* frame id -> its awaiter at the last look, as text */
  UV_RENDER,         /* {promise, brief, args, alarm, kinds, causes} */
  UV_COUNT = UV_RENDER
};

/* what a record carries besides its fields (Raw.has): values, in this
   order, in its block's values, before its snapshots' */
enum {
  ARGS_ONE = 1,      /* one value: the operand of yield_value or return_value */
  ARGS_LIST = 2,     /* two: a copy of the arguments, how many there are */
  ARGS_TEXT = 4,     /* one: the arguments as text */
  RETURNED = 8,      /* two: the member, the value it returned */
  RETURNED_TEXT = 16,/* two: the member, that value as text */
  LEARNT = 32        /* two: the frame's coroutine, its promise type */
};

/* what a snapshot carries (Snap.has), in its block's values: what changed
   since the frame's last snapshot (the first has both) */
enum { SNAP_PROMISE = 1, SNAP_AWAITER = 2 };

#define OWN 255                /* Raw.kind of an event of the bindings' own */

typedef struct Raw {           /* an event, as seen */
  unsigned frame, other;
  int index;
  unsigned detail, where;      /* interned strings; 0: none */
  unsigned name, unspecified;  /* interned: an OWN event's kind; the
                                  unspecified order that placed it */
  unsigned short depth, nsnaps;
  unsigned char kind, cause, has;
} Raw;

typedef struct Snap {          /* a frame at an event */
  unsigned id;
  unsigned at;                 /* interned: where it is */
  unsigned char state, has;
} Snap;

#define BLOCK 8192             /* records a block holds */

typedef struct Block {         /* records, their snapshots and values */
  struct Block *next;
  unsigned n, head;            /* records written, read */
  Snap *snaps;
  size_t nsnaps, snapsize, snaphead;
  int values;                  /* ref: a table of their values */
  unsigned nvalues, valuehead;
  Raw raw[BLOCK];
} Block;

typedef struct Seen {          /* a frame the tape has met, by id */
  unsigned id;                 /* 0: a free slot */
  int state;
  cl_Frame *f;
  unsigned at;
  int fields;                  /* how many its promise copy has */
  unsigned char learnt, looked, in;  /* in: come in and not left */
} Seen;

typedef struct Interned { const char *s; size_t len; } Interned;

typedef struct Tape {
  Ctx *c;
  struct Tape *next;           /* in c->tapes, while it records */
  int observer;                /* cl_observe's id; -1: not observing */
  int self;                    /* registry ref while it observes */
  unsigned long count;         /* events recorded since it started */
  unsigned long pending;       /* not read yet */
  unsigned long alarm;         /* render.alarm() when count reaches it */
  int busy;                    /* recording an event (others nest in it) */
  struct {                     /* the event being recorded: where its */
    Block *b;                  /* record, snapshots and values begin */
    unsigned at, values;
    size_t snaps;
  } open;
  Block *first, *last;         /* the records not read yet */
  Interned *strs;              /* strs[id]; 0 unused */
  size_t nstrs, strsize;
  unsigned *slots;             /* hash of a string -> its id; 0: free */
  size_t nslots;
  Seen *seen;                  /* open addressing by id */
  size_t nseen, seensize;
  unsigned *in;                /* ids of the frames that came in */
  size_t nin, insize;
} Tape;

#define checktape(L) ((Tape *)luaL_checkudata(L, 1, CORO_TAPE))

/* ------------------------------------------------------------ storage -- */

/* *p holds *size elements of elem bytes: room for need */
static void *grow(lua_State *L, void *p, size_t *size, size_t need, size_t elem) {
  if (need <= *size) return p;
  size_t n = *size ? *size : 16;
  while (n < need) n *= 2;
  void *q = realloc(p, n * elem);
  if (q == NULL) luaL_error(L, "not enough memory");
  *size = n;
  return q;
}

/* a record's place: in the last block, or a new one */
static Block *place(lua_State *L, Tape *t) {
  if (t->last == NULL || t->last->n == BLOCK) {
    Block *b = (Block *)malloc(sizeof *b);
    if (b == NULL) luaL_error(L, "not enough memory");
    memset(b, 0, offsetof(Block, raw));
    lua_newtable(L);
    b->values = luaL_ref(L, LUA_REGISTRYINDEX);
    if (t->last) t->last->next = b;
    else t->first = b;
    t->last = b;
  }
  return t->last;
}

static void freeblock(lua_State *L, Block *b) {
  luaL_unref(L, LUA_REGISTRYINDEX, b->values);
  free(b->snaps);
  free(b);
}

static unsigned hash(const char *s, size_t len) {       /* FNV-1a */
  unsigned h = 2166136261u;
  for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void rehash_strings(lua_State *L, Tape *t) {
  size_t n = t->nslots ? t->nslots * 2 : 256;
  unsigned *slots = (unsigned *)calloc(n, sizeof *slots);
  if (slots == NULL) luaL_error(L, "not enough memory");
  for (size_t id = 1; id < t->nstrs; id++) {
    size_t i = hash(t->strs[id].s, t->strs[id].len) & (n - 1);
    while (slots[i]) i = (i + 1) & (n - 1);
    slots[i] = (unsigned)id;
  }
  free(t->slots);
  t->slots = slots;
  t->nslots = n;
}

/* the id of string s, interned: kept by the tape's strings (stack index
   strings) for as long as the tape lives */
static unsigned intern(lua_State *L, Tape *t, int strings, const char *s) {
  size_t len = strlen(s);
  if (t->nstrs == 0) t->nstrs = 1;                      /* id 0: none */
  if (2 * t->nstrs >= t->nslots) rehash_strings(L, t);
  size_t i = hash(s, len) & (t->nslots - 1);
  for (unsigned id; (id = t->slots[i]) != 0; i = (i + 1) & (t->nslots - 1))
    if (t->strs[id].len == len && memcmp(t->strs[id].s, s, len) == 0) return id;
  t->strs = (Interned *)grow(L, t->strs, &t->strsize, t->nstrs + 1, sizeof *t->strs);
  unsigned id = (unsigned)t->nstrs;
  const char *kept = lua_pushlstring(L, s, len);
  lua_rawseti(L, strings, id);                 /* the table keeps it alive */
  t->strs[id].s = kept;
  t->strs[id].len = len;
  t->slots[i] = id;
  t->nstrs++;
  return id;
}

/* the value on top, popped, kept in block b's values (at stack index
   values) */
static void keep(lua_State *L, Block *b, int values) {
  lua_rawseti(L, values, ++b->nvalues);
}

static Seen *find(Tape *t, unsigned id) {
  if (t->seensize == 0) return NULL;
  for (size_t i = id & (t->seensize - 1); t->seen[i].id; i = (i + 1) & (t->seensize - 1))
    if (t->seen[i].id == id) return &t->seen[i];
  return NULL;
}

static Seen *slot(Tape *t, unsigned id) {
  size_t i = id & (t->seensize - 1);
  while (t->seen[i].id) i = (i + 1) & (t->seensize - 1);
  return &t->seen[i];
}

/* frame id, met at f: its entry, made on first meeting */
static Seen *meet(lua_State *L, Tape *t, unsigned id, cl_Frame *f) {
  Seen *s = find(t, id);
  if (s) return s;
  if (2 * (t->nseen + 1) > t->seensize) {
    size_t n = t->seensize ? t->seensize * 2 : 64;
    Seen *old = t->seen, *seen = (Seen *)calloc(n, sizeof *seen);
    size_t oldsize = t->seensize;
    if (seen == NULL) luaL_error(L, "not enough memory");
    t->seen = seen;
    t->seensize = n;
    for (size_t i = 0; i < oldsize; i++)
      if (old[i].id) *slot(t, old[i].id) = old[i];
    free(old);
  }
  s = slot(t, id);
  memset(s, 0, sizeof *s);
  s->id = id;
  s->f = f;
  t->nseen++;
  return s;
}

/* a freed frame is forgotten (linear probing: the entries after it that
   hashed before it move back) */
static void forget(Tape *t, Seen *s) {
  size_t mask = t->seensize - 1, i = (size_t)(s - t->seen), j = i;
  for (;;) {
    t->seen[i].id = 0;
    for (;;) {
      j = (j + 1) & mask;
      if (t->seen[j].id == 0) { t->nseen--; return; }
      size_t home = t->seen[j].id & mask;
      if (i <= j ? (home <= i || home > j) : (home <= i && home > j)) break;
    }
    t->seen[i] = t->seen[j];
    i = j;
  }
}

static void come_in(lua_State *L, Tape *t, Seen *s) {
  if (s->in) return;
  t->in = (unsigned *)grow(L, t->in, &t->insize, t->nin + 1, sizeof *t->in);
  t->in[t->nin++] = s->id;
  s->in = 1;
}

static void leave(Tape *t, Seen *s) {
  if (!s->in) return;
  for (size_t i = 0; i < t->nin; i++) {
    if (t->in[i] == s->id) {
      t->in[i] = t->in[--t->nin];
      break;
    }
  }
  s->in = 0;
}

/* -------------------------------------------------------------- looks -- */

static int isplain(lua_State *L, int i) {
  int type = lua_type(L, i);
  return type == LUA_TNIL || type == LUA_TBOOLEAN || type == LUA_TNUMBER ||
         type == LUA_TSTRING;
}

/* a and b are the same plain value: 1 and 1.0 are not (their text is not) */
static int same(lua_State *L, int a, int b) {
  return lua_rawequal(L, a, b) && lua_isinteger(L, a) == lua_isinteger(L, b);
}

/* calls render[name] with the n values on top; leaves its one result */
static void render(lua_State *L, const char *name, int n) {
  lua_getiuservalue(L, 1, UV_RENDER);
  lua_getfield(L, -1, name);
  lua_remove(L, -2);
  lua_insert(L, -n - 1);
  lua_call(L, n, 1);
}

/* the table at i is plain: its keys strings, its values plain, its
   metatable (if any) with no __pairs or __metatable. How many fields, or -1 */
static int plainfields(lua_State *L, int i) {
  int n = 0;
  if (lua_getmetatable(L, i)) {
    int listed = lua_getfield(L, -1, "__pairs") != LUA_TNIL;
    listed = lua_getfield(L, -2, "__metatable") != LUA_TNIL || listed;
    lua_pop(L, 3);
    if (listed) return -1;
  }
  lua_pushnil(L);
  while (lua_next(L, i)) {
    if (lua_type(L, -2) != LUA_TSTRING || !isplain(L, -1)) {
      lua_pop(L, 2);
      return -1;
    }
    lua_pop(L, 1);
    n++;
  }
  return n;
}

/* the plain table at i has the fields of the copy at copy (which has n) */
static int samefields(lua_State *L, int i, int copy, int n) {
  int k = 0;
  lua_pushnil(L);
  while (lua_next(L, i)) {
    lua_pushvalue(L, -2);
    lua_rawget(L, copy);
    int ok = same(L, -1, -2);
    lua_pop(L, 2);
    if (!ok) { lua_pop(L, 1); return 0; }
    k++;
  }
  return k == n;
}

static void copyfields(lua_State *L, int i, int n) {
  lua_createtable(L, 0, n);
  lua_pushnil(L);
  while (lua_next(L, i)) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, -4);
  }
}

/* the frame behind s, as it is now; 0 once it is gone */
static int glance(Tape *t, Seen *s, cl_FrameInfo *fi) {
  return cl_frame_id(t->c->R, s->f) == s->id && cl_frame_info(t->c->R, s->f, fi);
}

/* s's promise as the tape keeps it, pushed: the same value as at the last
   look (last, at index last) when it has not changed, else a copy of its
   fields, or its text. *changed says which */
static void look_promise(lua_State *L, Tape *t, Seen *s, const cl_FrameInfo *fi,
                         int last, int *changed) {
  const PromiseType *pt = (const PromiseType *)fi->coroutine->promise_type->userdata;
  int top = lua_gettop(L);
  *changed = 1;
  if (!fi->promise_alive) {
    lua_pushliteral(L, "nil");
  } else if (pt->pt.base == &cl_generator_type) {   /* fields: {current = v} */
    void *current = ((cl_GeneratorPromise *)fi->promise)->current;
    if (current) coro_pushvalue(L, current);
    else lua_pushnil(L);
    if (isplain(L, -1)) {
      if (lua_istable(L, last)) {
        lua_getfield(L, last, "current");
        int unchanged = same(L, -1, -2);
        lua_pop(L, 1);
        if (unchanged) {
          lua_settop(L, top);
          lua_pushvalue(L, last);
          *changed = 0;
          return;
        }
      }
      lua_createtable(L, 0, 1);
      lua_insert(L, -2);
      lua_setfield(L, -2, "current");
      return;
    }
    lua_settop(L, top);
    pt->push(t->c, L, fi->promise);
    render(L, "promise", 1);
  } else {
    pt->push(t->c, L, fi->promise);
    int p = lua_gettop(L), n = lua_istable(L, p) ? plainfields(L, p) : -1;
    if (n >= 0 && lua_istable(L, last) && samefields(L, p, last, s->fields)) {
      lua_settop(L, top);
      lua_pushvalue(L, last);
      *changed = 0;
      return;
    }
    if (n >= 0) {
      copyfields(L, p, n);
      s->fields = n;
    } else {
      lua_pushvalue(L, p);
      render(L, "promise", 1);
    }
    lua_remove(L, p);
  }
  if (lua_type(L, -1) == LUA_TSTRING && lua_rawequal(L, -1, last)) *changed = 0;
}

/* s's awaiter as text, pushed (nil: none) */
static void look_awaiter(lua_State *L, Tape *t, const cl_FrameInfo *fi) {
  cl_Awaitable a = fi->awaiter;
  if (a.ops == NULL) lua_pushnil(L);
  else if (a.ops == &cl_suspend_always_ops) lua_pushliteral(L, "suspend_always");
  else if (a.ops == &cl_suspend_never_ops) lua_pushliteral(L, "suspend_never");
  else {
    cl_Error *e = coro_pushawaitable(t->c, L, a);
    if (e) {
      lua_pushstring(L, cl_error_message(e));
      cl_error_free(t->c->R, e);
      lua_error(L);
    }
    render(L, "brief", 1);
  }
}

/* looks at frame s: a snapshot, in block b (values at stack index
   values), when it changed since the last look (or this is the first).
   The frame may die in any allocation (a finalizer): it is glanced at
   again after each */
static void look(lua_State *L, Tape *t, Seen *s, Block *b, int strings, int values) {
  cl_FrameInfo fi;
  char where[128];
  int promise_changed, awaiter_changed;
  if (!glance(t, s, &fi)) return;
  int state = (int)fi.state;
  cl_where(t->c->R, s->f, where, sizeof where);
  unsigned at = intern(L, t, strings, where);
  int base = lua_gettop(L);
  lua_getiuservalue(L, 1, UV_PROMISES);
  lua_getiuservalue(L, 1, UV_AWAITERS);
  lua_rawgeti(L, base + 1, s->id);                   /* base + 3: the last */
  lua_rawgeti(L, base + 2, s->id);                   /* base + 4 */
  if (!glance(t, s, &fi)) { lua_settop(L, base); return; }
  look_promise(L, t, s, &fi, base + 3, &promise_changed);   /* base + 5 */
  if (!glance(t, s, &fi)) { lua_settop(L, base); return; }
  look_awaiter(L, t, &fi);                           /* base + 6 */
  awaiter_changed = !lua_rawequal(L, base + 6, base + 4);
  if (!s->looked) promise_changed = awaiter_changed = 1;
  if (promise_changed || awaiter_changed || state != s->state || at != s->at) {
    b->snaps = (Snap *)grow(L, b->snaps, &b->snapsize, b->nsnaps + 1, sizeof *b->snaps);
    Snap *snap = &b->snaps[b->nsnaps++];
    snap->id = s->id;
    snap->state = (unsigned char)state;
    snap->at = at;
    snap->has = 0;
    if (promise_changed) {
      snap->has |= SNAP_PROMISE;
      lua_pushvalue(L, base + 5);
      keep(L, b, values);
      lua_pushvalue(L, base + 5);
      lua_rawseti(L, base + 1, s->id);
    }
    if (awaiter_changed) {
      snap->has |= SNAP_AWAITER;
      if (lua_isnil(L, base + 6)) lua_pushboolean(L, 0);   /* none */
      else lua_pushvalue(L, base + 6);
      keep(L, b, values);
      lua_pushvalue(L, base + 6);
      lua_rawseti(L, base + 2, s->id);
    }
  }
  s->state = state;
  s->at = at;
  s->looked = 1;
  lua_settop(L, base);
}

/* ------------------------------------------------------------ records -- */

/* the frame an event is about ("return to caller": the one returning) */
static unsigned owner(const cl_Event *ev) {
  return ev->kind == CL_EV_RETURN_TO_CALLER ? ev->other_id : ev->frame_id;
}

/* ev's arguments (as coro.observe's ev.args): yield_value(v) and
   return_value(v) of a Lua body, v on top of its thread; the call's
   arguments at its parameter copies and promise constructor */
static void record_args(lua_State *L, Tape *t, const cl_Event *ev, Raw *r, Block *b,
                        int values) {
  cl_FrameInfo fi;
  if (!cl_frame_info(t->c->R, ev->frame, &fi) || !coro_isbody(fi.coroutine)) return;
  if (ev->kind == CL_EV_YIELD_VALUE || ev->kind == CL_EV_RETURN_VALUE) {
    if (ev->value != (const void *)((Body *)fi.locals)->T) return;
    coro_pushvalue(L, (void *)ev->value);
    if (isplain(L, -1)) {
      r->has |= ARGS_ONE;
      keep(L, b, values);
      return;
    }
    lua_createtable(L, 1, 0);
    lua_insert(L, -2);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, 1);
  } else if (ev->kind == CL_EV_PARAMS_COPY || ev->kind == CL_EV_PROMISE_CONSTRUCT) {
    const CallArgs *a = (const CallArgs *)ev->value;
    if (a->args == LUA_NOREF) return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, a->args);
    int args = lua_gettop(L), n = (int)lua_rawlen(L, args), plain = 1;
    for (int i = 1; i <= n && plain; i++) {
      lua_rawgeti(L, args, i);
      plain = isplain(L, -1);
      lua_pop(L, 1);
    }
    if (plain) {                       /* a copy, then how many */
      lua_createtable(L, n, 0);
      for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, args, i);
        lua_rawseti(L, -2, i);
      }
      keep(L, b, values);
      lua_pushinteger(L, n);
      keep(L, b, values);
      lua_pop(L, 1);
      r->has |= ARGS_LIST;
      return;
    }
    lua_pushinteger(L, n);
  } else
    return;
  render(L, "args", 2);
  r->has |= ARGS_TEXT;
  keep(L, b, values);
}

/* what the last Lua member that gives a value returned (coro_returned),
   for the first event after it: the protocol of levents.c's ev.returned,
   whose serial marks it taken */
static void record_returned(lua_State *L, Tape *t, const CoroEvent *ev, Raw *r, Block *b,
                            int values) {
  Ctx *c = t->c;
  if (c->returned_member == NULL ||
      (c->returned_serial != 0 && c->returned_serial != ev->serial)) return;
  c->returned_serial = ev->serial;
  lua_pushstring(L, c->returned_member);
  keep(L, b, values);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->returned);
  lua_rawgeti(L, -1, 1);
  lua_remove(L, -2);
  if (isplain(L, -1)) r->has |= RETURNED;
  else {
    render(L, "brief", 1);
    r->has |= RETURNED_TEXT;
  }
  keep(L, b, values);
}

/* the frame's name and promise type, at its first event */
static void learn(lua_State *L, Tape *t, Seen *s, Raw *r, Block *b, int values) {
  cl_FrameInfo fi;
  if (!cl_frame_info(t->c->R, s->f, &fi)) return;
  const PromiseType *pt = (const PromiseType *)fi.coroutine->promise_type->userdata;
  lua_pushstring(L, fi.coroutine->name);
  keep(L, b, values);
  lua_pushstring(L, pt->name);
  keep(L, b, values);
  r->has |= LEARNT;
  s->learnt = 1;
}

/* protected: the tape, the event (a CoroEvent)[, the object one of the
   bindings' own destroys]. Its record's place is taken first: a finalizer
   that an allocation runs may act on frames, and their events (nested:
   recorded with their fields and strings alone) come after it. An event
   of the bindings' own changes no frame: nothing is looked at */
static int precord(lua_State *L) {
  Tape *t = (Tape *)lua_touserdata(L, 1);
  const CoroEvent *e = (const CoroEvent *)lua_touserdata(L, 2);
  const cl_Event *ev = e->core;
  cl_Runtime *R = t->c->R;
  int object = lua_gettop(L) >= 3;
  int nested = t->busy, alive = e->frame && cl_frame_id(R, e->frame) == e->id;
  char where[128];
  Raw r;
  memset(&r, 0, sizeof r);
  if (alive) cl_where(R, e->frame, where, sizeof where);
  r.kind = ev ? (unsigned char)ev->kind : OWN;
  r.cause = (unsigned char)e->cause;
  r.frame = e->id;
  r.other = e->other;
  r.index = e->index;
  r.depth = (unsigned short)e->depth;
  Block *b = place(L, t);
  unsigned at = b->n++;
  b->raw[at] = r;
  t->count++;
  t->pending++;
  if (!nested) {
    t->open.b = b;
    t->open.at = at;
    t->open.values = b->nvalues;
    t->open.snaps = b->nsnaps;
  }
  t->busy = 1;
  lua_settop(L, 3);
  luaL_checkstack(L, 24, "no room to record an event");
  lua_getiuservalue(L, 1, UV_STRINGS);           /* 4 */
  lua_rawgeti(L, LUA_REGISTRYINDEX, b->values);  /* 5 */
  r.detail = intern(L, t, 4, e->detail);         /* first: it may die with the frame */
  if (ev == NULL) r.name = intern(L, t, 4, e->kind);
  if (e->unspecified) r.unspecified = intern(L, t, 4, e->unspecified);
  if (alive) r.where = intern(L, t, 4, where);
  alive = alive && cl_frame_id(R, e->frame) == e->id;
  if (nested) {
    b->raw[at] = r;
    return 0;
  }
  if (alive && ev && ev->value) record_args(L, t, ev, &r, b, 5);
  if (object) {                                  /* its ev.args: {object} */
    lua_pushvalue(L, 3);
    render(L, "brief", 1);
    r.has |= ARGS_TEXT;
    keep(L, b, 5);
  }
  alive = alive && ev && cl_frame_id(R, e->frame) == e->id;
  if (t->c->returned_member) record_returned(L, t, e, &r, b, 5);
  Seen *s = alive ? meet(L, t, ev->frame_id, ev->frame) : NULL;
  if (s && owner(ev) == ev->frame_id && !s->learnt) learn(L, t, s, &r, b, 5);
  /* a frame comes in at any event of its own (its call, a resume, a
     destroy, a transfer to it) and leaves at a return, a transfer from it
     and its free: those in are looked at each event, with the frames the
     event names (more than the run reads: the recorder picks) */
  int from = ev && (ev->kind == CL_EV_SYMMETRIC_TRANSFER ||
                    ev->kind == CL_EV_RETURN_TO_CALLER);
  Seen *other = from ? find(t, ev->other_id) : NULL;
  size_t snaps = b->nsnaps;
  if (s && ev->kind != CL_EV_RETURN_TO_CALLER) come_in(L, t, s);
  if (s) look(L, t, s, b, 4, 5);
  if (other && other != s) look(L, t, other, b, 4, 5);
  for (size_t i = 0; ev && i < t->nin; i++) {
    Seen *in = find(t, t->in[i]);
    if (in && in != s && in != other) look(L, t, in, b, 4, 5);
  }
  if (other) leave(t, other);
  if (ev && ev->kind == CL_EV_OPERATOR_DELETE && (s = find(t, ev->frame_id)) != NULL) {
    leave(t, s);
    lua_getiuservalue(L, 1, UV_PROMISES);
    lua_pushnil(L);
    lua_rawseti(L, -2, s->id);
    lua_getiuservalue(L, 1, UV_AWAITERS);
    lua_pushnil(L);
    lua_rawseti(L, -2, s->id);
    forget(t, s);
  }
  r.nsnaps = (unsigned short)(b->nsnaps - snaps);
  b->raw[at] = r;
  t->open.b = NULL;
  t->busy = 0;
  if (t->alarm && t->count >= t->alarm) {
    t->alarm = 0;
    render(L, "alarm", 0);
  }
  return 0;
}

/* an error (out of memory) in the middle of an event: its record keeps
   its fields alone, and what it had of values and snapshots goes */
static void truncate(Tape *t) {
  Block *b = t->open.b;
  if (b == NULL) return;
  b->nvalues = t->open.values;
  b->nsnaps = t->open.snaps;
  b->raw[t->open.at].has = 0;
  b->raw[t->open.at].nsnaps = 0;
  t->open.b = NULL;
}

/* records event e on tape t; object: the index on L of the object one of
   the bindings' own destroys, or 0 */
static void record(lua_State *L, Tape *t, const CoroEvent *e, int object) {
  Ctx *c = t->c;
  int busy = t->busy;
  if (!lua_checkstack(L, 4)) return;
  lua_pushcfunction(L, precord);
  lua_rawgeti(L, LUA_REGISTRYINDEX, t->self);
  lua_pushlightuserdata(L, (void *)e);
  if (object) lua_pushvalue(L, object);
  c->live.observing++;
  int status = lua_pcall(L, object ? 3 : 2, 0, 0);
  c->live.observing--;
  t->busy = busy;
  if (status != LUA_OK) {
    if (!busy) truncate(t);
    coro_warn(c, "the tape", L);
  }
}

static void observer(cl_Runtime *R, const cl_Event *ev, void *ud) {
  Ctx *c = ctx_of(R);
  CoroEvent e;
  if (coro_eventof(c, ev, &e)) record(c->L, (Tape *)ud, &e, 0);
}

void coro_taperecord(Ctx *c, lua_State *L, const CoroEvent *e) {
  for (Tape *t = c->tapes; t; t = t->next) record(L, t, e, e->object);
}

/* ---------------------------------------------------------------- Lua -- */

static void stop(lua_State *L, Tape *t) {
  if (t->observer < 0) return;
  Tape **p = &t->c->tapes;
  while (*p != t) p = &(*p)->next;
  *p = t->next;
  if (t->c->R) cl_unobserve(t->c->R, t->observer);
  t->c->nobservers--;
  t->observer = -1;
  luaL_unref(L, LUA_REGISTRYINDEX, t->self);
  t->self = LUA_NOREF;
}

/* coro.tape(render): a tape, recording from now on. render: {promise =
   f(p) -> its text, brief = f(v) -> text, args = f(list, n) -> text,
   alarm = f() (see tape:alarm), kinds and causes: the names of the core's
   event kinds and causes, in its order} */
static int newtape(lua_State *L) {
  Ctx *c = ctx_up(L);
  luaL_checktype(L, 1, LUA_TTABLE);
  Tape *t = (Tape *)lua_newuserdatauv(L, sizeof *t, UV_COUNT);
  memset(t, 0, sizeof *t);
  t->c = c;
  t->observer = -1;
  t->self = LUA_NOREF;
  luaL_setmetatable(L, CORO_TAPE);
  for (int uv = UV_STRINGS; uv < UV_RENDER; uv++) {
    lua_newtable(L);
    lua_setiuservalue(L, -2, uv);
  }
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, UV_RENDER);
  int id = cl_observe(c->R, observer, t);
  if (id < 0) return luaL_error(L, "not enough memory");
  t->observer = id;
  t->next = c->tapes;
  c->tapes = t;
  c->nobservers++;
  lua_pushvalue(L, -1);
  t->self = luaL_ref(L, LUA_REGISTRYINDEX);
  return 1;
}

static void setstring(lua_State *L, Tape *t, unsigned id, const char *field) {
  if (id == 0) return;
  lua_pushlstring(L, t->strs[id].s, t->strs[id].len);
  lua_setfield(L, -2, field);
}

/* the next value of block b (values at stack index values) as field */
static void setnext(lua_State *L, Block *b, int values, const char *field) {
  lua_rawgeti(L, values, ++b->valuehead);
  lua_setfield(L, -2, field);
}

/* pushes b's next snapshot as a table: promise and awaiter only where
   they changed (awaiter false: none) */
static void pushsnap(lua_State *L, Tape *t, Block *b, int values) {
  const Snap *sn = &b->snaps[b->snaphead++];
  lua_createtable(L, 0, 5);
  lua_pushinteger(L, sn->id);
  lua_setfield(L, -2, "id");
  lua_pushinteger(L, sn->state);
  lua_setfield(L, -2, "state");
  setstring(L, t, sn->at, "at");
  if (sn->has & SNAP_PROMISE) setnext(L, b, values, "promise");
  if (sn->has & SNAP_AWAITER) setnext(L, b, values, "awaiter");
}

/* sets r's values (block b's next, values at stack index values) in the
   table on top: where it happened, the member's arguments, what a member
   returned before it */
static void setvalues(lua_State *L, Tape *t, Block *b, const Raw *r, int values) {
  setstring(L, t, r->where, "where");
  if (r->has & ARGS_ONE) {                     /* args = {v, n = 0 or 1} */
    lua_createtable(L, 1, 1);
    lua_rawgeti(L, values, ++b->valuehead);
    lua_pushinteger(L, lua_isnil(L, -1) ? 0 : 1);
    lua_setfield(L, -3, "n");
    lua_rawseti(L, -2, 1);
    lua_setfield(L, -2, "args");
  } else if (r->has & ARGS_LIST) {
    setnext(L, b, values, "args");
    lua_getfield(L, -1, "args");
    setnext(L, b, values, "n");
    lua_pop(L, 1);
  } else if (r->has & ARGS_TEXT)
    setnext(L, b, values, "args_text");
  if (r->has & (RETURNED | RETURNED_TEXT)) {
    setnext(L, b, values, "returned_member");
    setnext(L, b, values, r->has & RETURNED ? "returned" : "returned_text");
  }
}

/* how many values setvalues would set */
static unsigned nvalues(const Raw *r) {
  return ((r->has & (ARGS_ONE | ARGS_TEXT)) ? 1 : 0) + ((r->has & ARGS_LIST) ? 2 : 0) +
         ((r->has & (RETURNED | RETURNED_TEXT)) ? 2 : 0);
}

/* pushes b's next record as a table: its kind and cause by their names in
   the lists at names (render.kinds[kind + 1], render.causes[cause]); its
   values (not when brief); the frame's coroutine and promise type when met
   first there; the snapshots of the frames it changed ("snaps") */
static void pushraw(lua_State *L, Tape *t, Block *b, int values, int names, int brief) {
  const Raw *r = &b->raw[b->head++];
  lua_createtable(L, 0, 16);                    /* room for what the run adds */
  if (r->kind == OWN) setstring(L, t, r->name, "kind");
  else {
    lua_rawgeti(L, names, r->kind + 1);
    lua_setfield(L, -2, "kind");
  }
  if (r->cause) {
    lua_rawgeti(L, names + 1, r->cause);
    lua_setfield(L, -2, "cause");
  }
  lua_pushinteger(L, r->frame);
  lua_setfield(L, -2, "frame");
  lua_pushinteger(L, r->other);
  lua_setfield(L, -2, "other");
  lua_pushinteger(L, r->index);
  lua_setfield(L, -2, "index");
  lua_pushinteger(L, r->depth);
  lua_setfield(L, -2, "depth");
  setstring(L, t, r->detail, "detail");
  setstring(L, t, r->unspecified, "unspecified");
  if (brief) b->valuehead += nvalues(r);
  else setvalues(L, t, b, r, values);
  if (r->has & LEARNT) {
    setnext(L, b, values, "name");
    setnext(L, b, values, "promise_type");
  }
  if (r->nsnaps) {
    lua_createtable(L, r->nsnaps, 0);
    for (int i = 1; i <= r->nsnaps; i++) {
      pushsnap(L, t, b, values);
      lua_rawseti(L, -2, i);
    }
    lua_setfield(L, -2, "snaps");
  }
}

/* tape:read([n [, brief]]): the oldest n records not read yet (all by
   default), in a list, oldest first; read records leave the tape. brief:
   without their source location and values (a run drops them at once) */
static int tape_read(lua_State *L) {
  Tape *t = checktape(L);
  if (t->busy) return luaL_error(L, "the tape is recording an event: read it after");
  lua_Integer n = luaL_optinteger(L, 2, (lua_Integer)t->pending);
  int brief = lua_toboolean(L, 3);
  unsigned long k = n < 0 ? 0 : (unsigned long)n;
  if (k > t->pending) k = t->pending;
  lua_settop(L, 1);
  lua_getiuservalue(L, 1, UV_RENDER);
  lua_getfield(L, 2, "kinds");                  /* 3 */
  lua_getfield(L, 2, "causes");                 /* 4 */
  lua_createtable(L, (int)k, 0);                /* 5 */
  for (unsigned long i = 1; i <= k; i++) {
    Block *b = t->first;
    lua_rawgeti(L, LUA_REGISTRYINDEX, b->values);
    pushraw(L, t, b, lua_gettop(L), 3, brief);
    lua_rawseti(L, 5, (lua_Integer)i);
    lua_pop(L, 1);
    if (b->head == b->n && (b->n == BLOCK || b == t->last)) {   /* all read */
      t->first = b->next;
      if (b == t->last) t->last = NULL;
      freeblock(L, b);
    }
  }
  t->pending -= k;
  return 1;
}

/* tape:count(): events recorded since it started; tape:pending(): those
   not read yet */
static int tape_count(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checktape(L)->count);
  return 1;
}

static int tape_pending(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)checktape(L)->pending);
  return 1;
}

/* tape:alarm(n): render.alarm() once, when count() reaches n (0: never) */
static int tape_alarm(lua_State *L) {
  Tape *t = checktape(L);
  lua_Integer n = luaL_checkinteger(L, 2);
  t->alarm = n > 0 ? (unsigned long)n : 0;
  return 0;
}

/* tape:bytes(): the C memory it holds (its Lua tables aside) */
static int tape_bytes(lua_State *L) {
  Tape *t = checktape(L);
  size_t n = t->strsize * sizeof *t->strs + t->nslots * sizeof *t->slots +
             t->seensize * sizeof *t->seen + t->insize * sizeof *t->in;
  for (Block *b = t->first; b; b = b->next) n += sizeof *b + b->snapsize * sizeof *b->snaps;
  lua_pushinteger(L, (lua_Integer)n);
  return 1;
}

/* tape:close(): it records no more (what it holds can still be read) */
static int tape_close(lua_State *L) {
  stop(L, checktape(L));
  return 0;
}

static int tape_gc(lua_State *L) {
  Tape *t = checktape(L);
  stop(L, t);
  while (t->first) {
    Block *b = t->first;
    t->first = b->next;
    freeblock(L, b);
  }
  free(t->strs);
  free(t->slots);
  free(t->seen);
  free(t->in);
  memset(t, 0, sizeof *t);
  t->observer = -1;
  return 0;
}

static const luaL_Reg tape_meta[] = {
  {"read", tape_read}, {"count", tape_count}, {"pending", tape_pending},
  {"alarm", tape_alarm}, {"bytes", tape_bytes}, {"close", tape_close},
  {"__gc", tape_gc}, {NULL, NULL}
};

static const luaL_Reg funcs[] = {
  {"tape", newtape}, {NULL, NULL}
};

void coro_openrecord(lua_State *L, Ctx *c) {
  coro_newmeta(L, c, CORO_TAPE, tape_meta);
  coro_newlib(L, c, funcs);
}
