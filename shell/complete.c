/*
** complete.c — Tab completion: Lua globals and keywords, table fields
** (a.b.<TAB>), methods (h:<TAB>, found through the metatable's __index, so
** handle methods too), and, on lines that start with ':', what the explorer
** offers (command names, event names, export formats...) or file names,
** a whole path one word. Values are read with raw accesses only:
** completing never runs Lua code of the user's.
*/
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <readline/readline.h>

#include "explorer.h"
#include "shell.h"

#define MAX_INDEX_CHAIN 8                  /* __index tables followed */

static lua_State *LS;
static int candidates;                      /* stack index of their table */

static const char *const keywords[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function",
  "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then",
  "true", "until", "while", NULL
};

static void add(const char *prefix, size_t plen, const char *name) {
  lua_pushlstring(LS, prefix, plen);
  lua_pushstring(LS, name);
  lua_concat(LS, 2);
  lua_rawseti(LS, candidates, (lua_Integer)lua_rawlen(LS, candidates) + 1);
}

static int is_name(const char *s) {
  if (!(isalpha((unsigned char)*s) || *s == '_')) return 0;
  for (; *s; s++)
    if (!(isalnum((unsigned char)*s) || *s == '_')) return 0;
  return 1;
}

/* replaces the value on top by its metatable's __index (raw); nil if none */
static void to_index(void) {
  if (lua_getmetatable(LS, -1)) {
    lua_pushliteral(LS, "__index");
    lua_rawget(LS, -2);
    lua_remove(LS, -2);
  } else {
    lua_pushnil(LS);
  }
  lua_remove(LS, -2);
}

/* the keys of the table at index t and of its __index tables; methods:
   only functions, and no metamethods */
static void add_keys(int t, const char *prefix, size_t plen, int methods) {
  lua_pushvalue(LS, t);
  for (int chain = 0; chain < MAX_INDEX_CHAIN && lua_istable(LS, -1); chain++) {
    lua_pushnil(LS);
    while (lua_next(LS, -2)) {
      const char *key = lua_type(LS, -2) == LUA_TSTRING ? lua_tostring(LS, -2) : NULL;
      if (key && is_name(key) &&
          (!methods || (lua_isfunction(LS, -1) && strncmp(key, "__", 2) != 0)))
        add(prefix, plen, key);
      lua_pop(LS, 1);
    }
    to_index();
  }
  lua_pop(LS, 1);
}

/* a value's methods: a table's own and inherited, a userdata's __index */
static void add_methods(int v, const char *prefix, size_t plen) {
  lua_pushvalue(LS, v);
  if (!lua_istable(LS, -1)) to_index();
  add_keys(-1, prefix, plen, 1);
  lua_pop(LS, 1);
}

/* pushes t[k]: a raw lookup, then through __index tables; nil if none */
static void get_field(int t, const char *k, size_t klen) {
  lua_pushvalue(LS, t);
  for (int chain = 0; chain < MAX_INDEX_CHAIN && !lua_isnil(LS, -1); chain++) {
    if (lua_istable(LS, -1)) {
      lua_pushlstring(LS, k, klen);
      if (lua_rawget(LS, -2) != LUA_TNIL) {
        lua_remove(LS, -2);
        return;
      }
      lua_pop(LS, 1);
    }
    to_index();
  }
  lua_pop(LS, 1);
  lua_pushnil(LS);
}

/* candidates for a Lua expression word like "a.b.c", "h:re" or "pri" */
static void add_lua(const char *word) {
  const char *last = NULL;
  for (const char *p = word; *p; p++) if (*p == '.' || *p == ':') last = p;
  if (last == NULL) {
    for (int i = 0; keywords[i]; i++) add("", 0, keywords[i]);
    lua_pushglobaltable(LS);
    add_keys(-1, "", 0, 0);
    lua_pop(LS, 1);
    return;
  }
  lua_pushglobaltable(LS);                  /* walk a.b up to the last sep */
  for (const char *p = word; p < last && !lua_isnil(LS, -1); ) {
    size_t n = strcspn(p, ".:");
    if (p + n > last) n = (size_t)(last - p);
    get_field(-1, p, n);
    lua_remove(LS, -2);
    p += n + 1;
  }
  if (*last == ':') add_methods(-1, word, (size_t)(last - word + 1));
  else if (lua_istable(LS, -1)) add_keys(-1, word, (size_t)(last - word + 1), 0);
  else add_methods(-1, word, (size_t)(last - word + 1));  /* userdata fields */
  lua_pop(LS, 1);
}

/* ask the explorer (":cmd ..." lines, a :predict question) with the line
   up to the word; 0 when it leaves it to Lua values, -1 when it wants file
   names */
static int add_command(const char *line, int command) {
  lua_pushstring(LS, line);
  lua_pushboolean(LS, command);
  if (explorer_try(LS, EXPLORER_COMPLETE, 2, 1) != LUA_OK) return 0;
  int got = lua_istable(LS, -1) ? 1 : lua_isstring(LS, -1) ? -1 : 0;
  if (got == 1) {
    for (lua_Integer i = 1; lua_rawgeti(LS, -1, i) == LUA_TSTRING; i++) {
      add("", 0, lua_tostring(LS, -1));
      lua_pop(LS, 1);
    }
    lua_pop(LS, 1);
  }
  lua_pop(LS, 1);
  return got;
}

static lua_Integer next_candidate;

static char *generate(const char *text, int state) {
  size_t len = strlen(text);
  if (state == 0) next_candidate = 1;
  while (lua_rawgeti(LS, candidates, next_candidate++) == LUA_TSTRING) {
    const char *c = lua_tostring(LS, -1);
    lua_pop(LS, 1);
    if (strncmp(c, text, len) == 0) {
      char *copy = malloc(strlen(c) + 1);
      return copy ? strcpy(copy, c) : NULL;
    }
  }
  lua_pop(LS, 1);
  return NULL;
}

static char **attempt(const char *text, int start, int end) {
  (void)end;
  char **matches = NULL;
  int top = lua_gettop(LS);
  lua_newtable(LS);
  candidates = lua_gettop(LS);
  int wanted = 0;
  lua_pushlstring(LS, rl_line_buffer, (size_t)start);
  wanted = add_command(lua_tostring(LS, -1), rl_line_buffer[0] == ':');
  lua_pop(LS, 1);
  if (wanted >= 0) {
    if (wanted == 0) add_lua(text);
    rl_completion_append_character = rl_line_buffer[0] == ':' && start == 0 ? ' ' : '\0';
    matches = rl_completion_matches(text, generate);
    rl_attempted_completion_over = 1;       /* no file names for Lua */
  }
  lua_settop(LS, top);
  return matches;
}

/* the characters that end the word to complete: a file name the explorer
   wants (:play FILE, :export FORMAT FILE) ends only at a space, so that
   its folders complete too; NULL: the basic ones */
static char *word_breaks(void) {
  static char spaces[] = " \t\n";
  if (rl_line_buffer[0] != ':') return NULL;
  int start = rl_point;
  while (start > 0 && rl_line_buffer[start - 1] != ' ') start--;
  int top = lua_gettop(LS);
  lua_newtable(LS);
  candidates = lua_gettop(LS);
  lua_pushlstring(LS, rl_line_buffer, (size_t)start);
  int wanted = add_command(lua_tostring(LS, -1), 1);
  lua_settop(LS, top);
  return wanted < 0 ? spaces : NULL;
}

void complete_open(lua_State *L) {
  LS = L;
  rl_attempted_completion_function = attempt;
  rl_completion_word_break_hook = word_breaks;
  rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{(,+-*/%^~#[]";
}
