// corolab/trace.hpp — a real C++20 program records its own coroutines, as
// they run, in corolab's run format (docs/record-format.md), for the
// explorer to play. Header-only; it needs nothing but the standard library.
//
//   #include <corolab/trace.hpp>
//   COROLAB_TRACE(Generator)        // at global scope, before the coroutines
//
// COROLAB_TRACE(R) specialises std::coroutine_traits<R, Args...> (every
// argument list) so that the promise of a coroutine returning R is
// corolab::traced<R::promise_type, Args...>: a class derived from the user's promise
// type that forwards every member, records each call, and wraps every
// awaitable its members return, so that await_ready, await_suspend and
// await_resume are recorded with their results. The record goes to the file
// named by COROLAB_TRACE_FILE, or to stderr, one event a line, flushed as
// it happens; a footer closes it when the program's statics are destroyed,
// so a record without one is truncated.
//
// What it sees (observed): operator new and delete (through the promise's
// own operators where it has them), the promise's construction (at its
// start, with the arguments), get_return_object, initial_suspend,
// await_transform (the user's own, where the promise has one), operator
// co_await (member or non-member), await_ready, await_suspend, await_resume,
// the destruction of the temporaries a co_await makes, yield_value,
// return_value or return_void, unhandled_exception (the exception's value
// its what()), get_return_object_on_allocation_failure, final_suspend and
// the promise's destruction. What it cannot see is inferred from what follows it and
// marked "inferred": the parameter copies (before the promise) and their
// destruction (before operator delete), the suspension before await_suspend,
// the return to the caller or the symmetric transfer after it, a resume()
// (an await_resume after a suspension), a destroy() (a destruction of a
// suspended frame), and the exception that reached unhandled_exception. The
// locals' destructors, the return object's, and exceptions the body catches
// are absent.
//
// The layout rule: the promise object is a traced<P>, but the user's
// members call std::coroutine_handle<P>::from_promise(*this) and awaiters
// may take std::coroutine_handle<P>. Both find the frame from the promise's
// address, so traced<P> must begin with P and add no data: it has none of
// its own, its other bases are empty, and check_promise_wrapper (below)
// makes sure of it at compile time; a promise type that cannot be derived
// from (final, a union) is refused there too, with a static_assert that
// says why. P is at offset 0 by the Itanium C++ ABI that g++ and clang use.
//
// Frames are numbered #1, #2, ... in the order they are allocated.
// The resumer and the nesting depth assume one thread runs the coroutines.
#ifndef COROLAB_TRACE_HPP
#define COROLAB_TRACE_HPP

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <concepts>
#include <coroutine>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#define COROLAB_TRACE_VERSION "corolab 0.1.0"   /* the record format's version */

namespace corolab {

template <class P, class... Args> class traced;

namespace trace_detail {

/* ----------------------------------------------------- values as text -- */

// T's name as the compiler spells it, from the signature of this function
template <class T> constexpr std::string_view type_name() noexcept {
  std::string_view f = __PRETTY_FUNCTION__;
  std::size_t from = f.find("T = ") + 4;
#if defined(__clang__)
  std::size_t to = f.rfind(']');
#else
  std::size_t to = f.find(';', from);
  if (to == std::string_view::npos) to = f.rfind(']');
#endif
  return f.substr(from, to - from);
}

// the name as both compilers would agree to write it: without the
// standard library's inline namespaces (g++'s std::__n4861::suspend_always
// is std::suspend_always), with >> for > > and std::string for its
// template
template <class T> std::string name_of() {
  std::string s(type_name<std::remove_cvref_t<T>>());
  for (std::size_t at; (at = s.find("std::__")) != std::string::npos;)
    s.erase(at + 5, s.find("::", at + 5) + 2 - (at + 5));
  for (std::size_t at; (at = s.find("> >")) != std::string::npos;) s.erase(at + 1, 1);
  for (std::size_t at; (at = s.find("std::basic_string<char>")) != std::string::npos;)
    s.replace(at, 23, "std::string");
  return s;
}

template <class T> inline constexpr bool is_handle = false;
template <class P> inline constexpr bool is_handle<std::coroutine_handle<P>> = true;

template <class T> inline constexpr bool is_string = false;
template <class C, class Tr, class A>
inline constexpr bool is_string<std::basic_string<C, Tr, A>> = true;

template <class T>
concept streamable = requires(std::ostream &os, const T &v) { os << v; };

std::string handle_text(const void *address);    // "handle #N", defined below

// Lua's %q, as the explorer quotes strings: cut at 24 characters
inline std::string quoted(std::string_view s) {
  std::string q = "\"";
  std::string_view shown = s.size() > 24 ? s.substr(0, 21) : s;
  for (char c : shown) {
    if (c == '"' || c == '\\') q += '\\';
    if (c == '\n') { q += "\\n"; continue; }
    q += c;
  }
  return q + (s.size() > 24 ? "...\"" : "\"");
}

// a number as Lua writes it: "%.14g", a float keeping its ".0"
inline std::string number(long double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.14Lg", v);
  std::string s = buf;
  if (s.find_first_of(".en") == std::string::npos) s += ".0";   // not 1e+20, inf, nan
  return s;
}

// a value in a few characters (what the explorer's values.brief shows):
// numbers, strings quoted, handles by frame, anything with operator<<,
// and otherwise its type's name
template <class T> std::string show(const T &v) {
  using D = std::remove_cvref_t<T>;
  std::string s;
  if constexpr (std::is_same_v<D, bool>) s = v ? "true" : "false";
  else if constexpr (std::is_same_v<D, std::nullptr_t>) s = "nullptr";
  else if constexpr (std::is_same_v<D, char>) s = quoted(std::string_view(&v, 1));
  else if constexpr (std::is_integral_v<D>) s = std::to_string(v);
  else if constexpr (std::is_floating_point_v<D>) s = number(v);
  else if constexpr (std::is_convertible_v<const D &, std::string_view>) {
    if constexpr (std::is_pointer_v<D>)
      if (v == nullptr) return "nullptr";
    s = quoted(std::string_view(v));
  } else if constexpr (is_handle<D>) s = handle_text(v.address());
  else if constexpr (std::is_pointer_v<D>) s = v ? name_of<D>() : "nullptr";
  else if constexpr (streamable<D>) {
    std::ostringstream os;
    os << v;
    s = os.str();
  } else s = name_of<D>();
  return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

// the arguments of a call: "1, \"x\""
template <class... A> std::string show_all(const A &...a) {
  std::string s;
  ((s += (s.empty() ? "" : ", ") + show(a)), ...);
  return s;
}

// the exception being handled: its what(), or nothing for one that is not
// a std::exception (catch (...) knows nothing more of it)
inline std::optional<std::string> what_of_current() {
  try {
    throw;
  } catch (const std::exception &e) {
    return e.what();
  } catch (...) {
    return std::nullopt;
  }
}

// text as a JSON string; bytes that are not UTF-8 become U+FFFD
inline std::string json(std::string_view s) {
  std::string j = "\"";
  for (std::size_t i = 0; i < s.size(); i++) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') { j += '\\'; j += static_cast<char>(c); }
    else if (c == '\n') j += "\\n";
    else if (c == '\t') j += "\\t";
    else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      j += buf;
    } else if (c < 0x80) j += static_cast<char>(c);
    else {
      std::size_t n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
      bool whole = n != 0 && i + n <= s.size();
      for (std::size_t k = 1; whole && k < n; k++)
        whole = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
      if (whole) { j.append(s.substr(i, n)); i += n - 1; }
      else j += "\\ufffd";
    }
  }
  return j + "\"";
}

/* ------------------------------------------------------------ records -- */

// which co_await of the standard's coroutine wrapper
enum class await_kind { initial, body, yield, final };

// where a call is in the source: file:line, given by the call's own
// default arguments (g++ and clang give the co_await's, co_yield's or
// co_return's line)
struct place {
  const char *file = nullptr;
  unsigned line = 0;
  std::string text() const { return file ? std::string(file) + ":" + std::to_string(line) : ""; }
};

// one event, as seen: the fields of docs/record-format.md
struct record {
  explicit record(const char *k, std::string d = {}, const char *c = nullptr)
      : kind(k), detail(std::move(d)), cause(c) {}
  const char *kind;
  std::string detail;
  const char *cause;
  std::optional<std::string> args, result;
  std::string where;
  unsigned frame = 0, other = 0;
  std::size_t depth = 0;
  int index = 0;
  bool inferred = false;
  std::string name;                       // get_return_object: the coroutine's
};

/* ----------------------------------------------------------- recorder -- */

// The one recorder of the program: what it knows of each live frame, who
// runs (one frame per nesting depth, as the core's ev.depth), and the
// record file. Started by the first event; never destroyed, so that frames
// that die in static destructors can still be recorded until the footer.
class recorder {
 public:
  static recorder &get() {
    static recorder *one = new recorder();
    return *one;
  }
  static std::atomic<bool> &started() {
    static std::atomic<bool> flag{false};
    return flag;
  }

  // operator new returned the frame's memory, where the frame begins
  // (g++ and clang): the frame is numbered now, and its record is frame
  // 0's, as the core's (no promise yet)
  void allocated(const void *address, std::size_t size, std::optional<std::string> args) {
    std::lock_guard<std::mutex> hold(lock_);
    record r{"operator new", std::to_string(size) + " bytes"};
    r.args = std::move(args);
    if (address == nullptr) r.result = "nullptr";
    else number(address);
    r.depth = running_.size();
    write(r);
  }

  void allocation_failure(const char *name) {
    std::lock_guard<std::mutex> hold(lock_);
    record r{"get_return_object_on_allocation_failure", name};
    r.depth = running_.size();
    write(r);
  }

  // the promise is about to be made: the frame runs, called by who runs
  void announced(const void *promise, const void *address, std::string type, std::string args) {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_address_.find(address);
    unsigned id = it != by_address_.end() && !frames_.at(it->second).promise ? it->second : number(address);
    frames_.at(id).promise = promise;
    by_promise_[promise] = id;
    known_[id - 1].second = type;
    running_.push_back({id, id});
    record copies{"parameter copies"};
    copies.args = args;
    copies.inferred = true;
    about(id, copies);
    write(copies);
    record made{"promise_type", std::move(type)};
    made.args = std::move(args);
    about(id, made);
    write(made);
  }

  // a handle by the frame it names: "handle #N"
  std::string label(const void *address) {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_address_.find(address);
    return it == by_address_.end() ? "handle to a coroutine that is not traced"
                                   : "handle #" + std::to_string(it->second);
  }

  unsigned id_of(const void *promise) {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_promise_.find(promise);
    return it == by_promise_.end() ? 0 : it->second;
  }

  // an event of frame id: a suspended frame that shows up was resumed, or
  // is being destroyed (inferred)
  void event(unsigned id, record r) {
    std::lock_guard<std::mutex> hold(lock_);
    arrive(id, r.kind);
    if (is_request(r.kind)) step(id);
    about(id, r);
    write(r);
  }

  // the body asks for something (a co_await, co_yield, co_return, or its
  // end by an exception): a body step begins if a co_await ended since,
  // and the index counts body steps, as the core's does
  void request(unsigned id) {
    std::lock_guard<std::mutex> hold(lock_);
    step(id);
  }

  // get_return_object: the coroutine's name is known from here
  void returning_object(unsigned id, record r, const char *name) {
    std::lock_guard<std::mutex> hold(lock_);
    if (id != 0) known_[id - 1].first = name;
    r.name = name;
    about(id, r);
    write(r);
  }

  // a record whose result comes when the member returns (await_ready,
  // await_resume): written then, or at once, without it, if another
  // record comes first. Returns a ticket for done()
  unsigned long begin(unsigned id, record r) {
    std::lock_guard<std::mutex> hold(lock_);
    arrive(id, r.kind);
    about(id, r);
    pending_.push_back(r);
    return tickets_.emplace_back(++last_ticket_);
  }

  void done(unsigned long ticket, std::optional<std::string> result) {
    std::lock_guard<std::mutex> hold(lock_);
    if (pending_.empty() || tickets_.back() != ticket) return;   // written already
    record r = std::move(pending_.back());
    pending_.pop_back();
    tickets_.pop_back();
    r.result = std::move(result);
    flush_pending();
    emit(r);
  }

  // await_ready returned false: the frame is suspended, then await_suspend
  // is called ([expr.await]/5.1)
  void suspending(unsigned id, const record &awaiting) {
    std::lock_guard<std::mutex> hold(lock_);
    record s = awaiting;
    s.kind = "suspend";
    s.inferred = true;
    about(id, s);
    write(s);
    if (frame *f = find(id)) { f->suspended = true; f->at = awaiting.where; }
    record call = awaiting;
    call.kind = "await_suspend";
    about(id, call);
    write(call);
  }

  // what await_suspend returned (or that it threw), and what C++ does
  // with it: the first three go back to the caller
  enum class returned { nothing, yes, noop, no, threw };

  void suspended(unsigned id, returned how) {
    std::lock_guard<std::mutex> hold(lock_);
    frame *f = find(id);
    if (how == returned::threw) {          // resumed; the error is raised at the co_await
      if (f) f->suspended = false;
      return;
    }
    if (how == returned::no) {
      record r{"resume", "await_suspend returned false", "returned_false"};
      r.other = id;
      r.inferred = true;
      about(id, r);
      write(r);
      if (f) f->suspended = false;
      return;
    }
    static const char *const causes[] = {"returned_void", "returned_true", "returned_noop"};
    static const char *const words[] = {"await_suspend returned void", "await_suspend returned true",
                                        "await_suspend returned noop_coroutine()"};
    int k = static_cast<int>(how);
    record r{"return to caller", words[k], causes[k]};
    r.other = id;
    r.depth = depth_of(id);
    r.inferred = true;
    write(r);
    leave(id);
  }

  // await_suspend returned a handle: symmetric transfer to it, or to
  // the caller for noop_coroutine()
  void transferred(unsigned id, const void *to) {
    if (to == std::noop_coroutine().address()) return suspended(id, returned::noop);
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_address_.find(to);
    unsigned next = it == by_address_.end() ? 0 : it->second;
    record t{"symmetric transfer", next ? "" : "to a coroutine that is not traced"};
    t.other = id;
    t.inferred = true;
    about(next, t);
    t.depth = depth_of(id);
    write(t);
    std::size_t i = depth_of(id);
    if (i < running_.size()) {
      if (next) running_[i].id = next;
      else running_.erase(running_.begin() + static_cast<std::ptrdiff_t>(i));
    }
    if (next == 0) return;
    record r{"resume", "", "transferred"};
    r.other = id;
    r.inferred = true;
    about(next, r);
    write(r);
    if (frame *g = find(next)) g->suspended = false;
  }

  // a co_await's temporaries go: at its end, or, the frame suspended
  // there, because someone destroys it
  void await_ending(unsigned id) {
    std::lock_guard<std::mutex> hold(lock_);
    arrive(id, "~");
  }

  // a co_await is over and the body goes on: await_resume returned (or,
  // in the body, the co_await raised). The initial one's starts the body
  void await_done(unsigned id, await_kind kind, bool resumed) {
    std::lock_guard<std::mutex> hold(lock_);
    frame *f = find(id);
    if (f && !f->ending && kind != await_kind::final && (resumed || kind != await_kind::initial))
      f->stepped = true;
  }

  // unhandled_exception threw: the frame is suspended at its final
  // suspend point and the exception goes to its resumer; or, where it
  // leaves a coroutine's call, the call fails and that coroutine is torn
  // down by it, not destroy()ed (g++ and clang)
  void left_by_exception(unsigned id) {
    std::lock_guard<std::mutex> hold(lock_);
    if (frame *f = find(id)) { f->suspended = true; f->at = "final suspend point"; }
    std::size_t i = depth_of(id);
    if (i == running_.size()) return;
    if (frame *called = find(running_[i].call)) called->ending = true;
    running_.erase(running_.begin() + static_cast<std::ptrdiff_t>(i));
  }

  // operator delete: the parameter copies died just before (inferred);
  // a frame that never had a promise lost it to a parameter's copy that
  // threw
  void freed(const void *address, std::size_t size) {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_address_.find(address);
    unsigned id = it == by_address_.end() ? 0 : it->second;
    if (id) {
      record params{frames_.at(id).promise ? "~parameters" : "parameter copies"};
      params.inferred = true;
      about(id, params);
      write(params);
    }
    record r{"operator delete", std::to_string(size) + " bytes"};
    about(id, r);
    write(r);
    if (!id) return;
    leave(id);
    frame &f = frames_.at(id);
    if (f.promise) by_promise_.erase(f.promise);
    by_address_.erase(f.address);
    frames_.erase(id);
  }

  // the footer: written once, when the program's statics are destroyed
  void finish() {
    std::lock_guard<std::mutex> hold(lock_);
    if (closed_) return;
    flush_pending();
    std::string s = "],\"frames\":[";
    for (std::size_t i = 0; i < known_.size(); i++)
      s += (i ? "," : "") + std::string("{\"id\":") + std::to_string(i + 1) + ",\"name\":" +
           json(known_[i].first) + ",\"promise_type\":" + json(known_[i].second) + "}";
    s += "],\"alive\":[";
    std::vector<unsigned> alive;
    for (auto &live : frames_) alive.push_back(live.first);
    std::sort(alive.begin(), alive.end());
    for (std::size_t i = 0; i < alive.size(); i++) s += (i ? "," : "") + std::to_string(alive[i]);
    s += "],\"count\":" + std::to_string(seq_) + ",\"complete\":true}\n";
    put(s);
    closed_ = true;
    if (out_ != stderr) std::fclose(out_);
  }

 private:
  struct frame {
    explicit frame(const void *a) : address(a) {}
    const void *promise = nullptr, *address;
    int index = 0;                        // body steps begun
    bool stepped = false;                 // a co_await ended: the next request is a new step
    bool suspended = false;
    bool ending = false;                  // being destroyed, or torn down by its failed call
    std::string at;                       // where it is suspended
  };

  // who runs at a depth, and the coroutine whose call started it, if
  // one did (a symmetric transfer changes who runs, not that)
  struct entry {
    unsigned id, call;
  };

  // a new frame at address: its number
  unsigned number(const void *address) {
    unsigned id = ++last_id_;
    frames_.insert_or_assign(id, frame(address));
    by_address_[address] = id;
    known_.push_back({"", ""});
    return id;
  }

  recorder() {
    const char *path = std::getenv("COROLAB_TRACE_FILE");
    out_ = stderr;
    if (path && *path && !(out_ = std::fopen(path, "w"))) {
      std::fprintf(stderr, "corolab trace: cannot write COROLAB_TRACE_FILE=%s: %s; "
                   "the record goes to stderr\n", path, std::strerror(errno));
      out_ = stderr;
    }
    put("{\"format\":\"corolab run\",\"version\":\"" COROLAB_TRACE_VERSION "\",\"producer\":"
        "\"trace.hpp\",\"compiler\":" + json(compiler()) + ",\"title\":" + json(title()) +
        ",\"events\":[\n");
    started() = true;
  }

  static std::string compiler() {
#if defined(__clang__)
    std::string v = __clang_version__;
    return "clang " + v.substr(0, v.find_last_not_of(' ') + 1);
#else
    return std::string("g++ ") + __VERSION__;
#endif
  }

  // the main source file of a translation unit that includes the header
  // (clang names none when the header is given with -include)
  static std::string title() {
    std::string_view f = __BASE_FILE__;
    f = f.substr(f.find_last_of('/') + 1);
    return "corolab — " + std::string(f.empty() || f[0] == '<' ? "a traced program" : f);
  }

  frame *find(unsigned id) {
    auto it = frames_.find(id);
    return it == frames_.end() ? nullptr : &it->second;
  }

  // where frame id runs (its innermost entry), or where it would start
  std::size_t depth_of(unsigned id) const {
    for (std::size_t i = running_.size(); i-- > 0;)
      if (running_[i].id == id) return i;
    return running_.size();
  }

  unsigned top() const { return running_.empty() ? 0 : running_.back().id; }

  static bool is_request(const char *kind) {
    for (const char *k : {"await_transform", "yield_value", "return_value", "return_void", "throw"})
      if (std::strcmp(kind, k) == 0) return true;
    return false;
  }

  void step(unsigned id) {
    if (frame *f = find(id); f && f->stepped) {
      f->index++;
      f->stepped = false;
    }
  }

  // r is about frame id: its number, depth, index and suspend point
  void about(unsigned id, record &r) {
    r.frame = id;
    r.depth = depth_of(id);
    if (frame *f = find(id)) {
      r.index = f->index;
      if (r.where.empty() && (std::strcmp(r.kind, "resume") == 0 || std::strcmp(r.kind, "destroy") == 0 ||
                              std::strcmp(r.kind, "symmetric transfer") == 0))
        r.where = f->at;
    }
  }

  // a suspended frame shows up: someone resumed it, or is destroying it
  // (a destructor's event: kind "~..."); one that its failed call tears
  // down is neither
  void arrive(unsigned id, const char *kind) {
    frame *f = find(id);
    if (!f || !f->suspended || (f->ending && kind[0] == '~')) return;
    bool destroying = kind[0] == '~';
    record r{destroying ? "destroy" : "resume", "", destroying ? nullptr : "resume_called"};
    r.other = top();
    r.inferred = true;
    f->suspended = false;
    f->ending = destroying;
    running_.push_back({id, 0});
    about(id, r);
    write(r);
  }

  // frame id stops running (its innermost entry)
  void leave(unsigned id) {
    std::size_t i = depth_of(id);
    if (i < running_.size()) running_.erase(running_.begin() + static_cast<std::ptrdiff_t>(i));
  }

  void write(record &r) {
    flush_pending();
    emit(r);
  }

  void flush_pending() {
    for (record &p : pending_) emit(p);
    pending_.clear();
    tickets_.clear();
  }

  void emit(const record &r) {
    if (closed_) return;
    std::string s = seq_ ? "," : "";
    s += "{\"seq\":" + std::to_string(++seq_) + ",\"kind\":" + json(r.kind) +
         ",\"frame\":" + std::to_string(r.frame) + ",\"other\":" + std::to_string(r.other) +
         ",\"depth\":" + std::to_string(r.depth) + ",\"index\":" + std::to_string(r.index) +
         ",\"detail\":" + json(r.detail);
    if (r.cause) s += ",\"cause\":" + json(r.cause);
    if (r.args) s += ",\"args\":" + json(*r.args);
    if (r.result) s += ",\"result\":" + json(*r.result);
    if (!r.where.empty()) s += ",\"where\":" + json(r.where);
    if (!r.name.empty()) s += ",\"name\":" + json(r.name);
    if (r.inferred) s += ",\"inferred\":true";
    put(s + "}\n");
  }

  void put(const std::string &s) {
    std::fwrite(s.data(), 1, s.size(), out_);
    std::fflush(out_);
  }

  std::mutex lock_;
  std::FILE *out_;
  unsigned long seq_ = 0, last_ticket_ = 0;
  unsigned last_id_ = 0;
  bool closed_ = false;
  std::unordered_map<unsigned, frame> frames_;             // the live frames
  std::unordered_map<const void *, unsigned> by_promise_, by_address_;
  std::vector<std::pair<std::string, std::string>> known_;  // every frame: name, promise type
  std::vector<entry> running_;                             // who runs, outermost first
  std::vector<record> pending_;
  std::vector<unsigned long> tickets_;
};

inline std::string handle_text(const void *address) {
  if (address == nullptr) return "null handle";
  if (address == std::noop_coroutine().address()) return "noop_coroutine()";
  return recorder::get().label(address);
}

// runs f, which records; a record that cannot be made (out of memory, an
// operator<< that throws) is left out rather than break the program
template <class F> void guarded(F &&f) noexcept {
  try {
    f();
  } catch (...) {
  }
}

// the arguments of a call as text, where they can be shown
template <class... A> std::optional<std::string> args_of(const A &...a) noexcept {
  std::optional<std::string> s;
  guarded([&] { s = show_all(a...); });
  return s;
}

// the footer, written when the statics of the program are destroyed: this
// object is made before any of the including file's own (an inline
// variable is initialised before the variables defined after it), so it
// is destroyed after them, and their frames are recorded
struct closer {
  closer() noexcept {}
  ~closer() {
    if (recorder::started()) recorder::get().finish();
  }
};
inline closer close_at_exit;

/* ---------------------------------------------- what a promise has -- */

// whether P declares a member of that name (any kind, overloaded or not):
// looking the name up in a class derived from P and from one that has it
// is ambiguous exactly when P has one too
template <class P>
concept derivable = std::is_class_v<P> && !std::is_union_v<P> && !std::is_final_v<P>;

#define COROLAB_TRACE_PROBE(member)                                                      \
  struct has_##member##_probe { int member; };                                           \
  template <class P> struct has_##member##_of : P, has_##member##_probe {};              \
  template <class P>                                                                     \
  concept has_##member = derivable<P> && !requires { &has_##member##_of<P>::member; };
COROLAB_TRACE_PROBE(await_transform)
COROLAB_TRACE_PROBE(return_value)
COROLAB_TRACE_PROBE(return_void)
COROLAB_TRACE_PROBE(get_return_object_on_allocation_failure)
#undef COROLAB_TRACE_PROBE

/* ----------------------------------------------------------- awaiting -- */

// operator co_await as [expr.await]/3.3 applies it: the member, or else the
// non-member one found by lookup from here (ADL, and the global namespace)
template <class T>
concept member_co_await = requires(T &&t) { static_cast<T &&>(t).operator co_await(); };
template <class T>
concept free_co_await = requires(T &&t) { operator co_await(static_cast<T &&>(t)); };

template <class T> decltype(auto) apply_co_await(T &&t) {
  if constexpr (member_co_await<T>) return static_cast<T &&>(t).operator co_await();
  else return operator co_await(static_cast<T &&>(t));
}

// how the awaiter is kept: what operator co_await returns, or else the
// awaitable itself is the awaiter (an lvalue, [expr.await]/3.5)
template <class A, bool = member_co_await<A> || free_co_await<A>> struct awaiter_of {
  using type = A &;
};
template <class A> struct awaiter_of<A, true> {
  using type = decltype(apply_co_await(std::declval<A>()));
};

// The awaiter the compiler gets from the traced promise: it keeps what the
// co_await makes, as C++ keeps it (a prvalue as the object itself, made in
// place, never copied; a reference as a reference), and forwards the three
// calls, recording them. A is how the awaitable is kept: T (a temporary),
// T& or T&& (the operand, or what a member returned by reference).
template <class A> class awaiting {
  static constexpr bool converts = member_co_await<A> || free_co_await<A>;
  using awaiter_type = typename awaiter_of<A>::type;
  using W = std::remove_reference_t<awaiter_type>;

 public:
  // make() returns the awaitable; the member that made it was recorded.
  // An await_transform that returns its argument made nothing: the
  // awaitable is then the operand itself ([expr.await]/3.5)
  template <class Make>
  awaiting(unsigned frame, await_kind kind, const char *made_by, place at, Make &&make,
           const void *operand = nullptr)
      : frame_(frame), kind_(kind), at_(at), awaitable_(make()),
        made_by_(operand == std::addressof(awaitable_) ? "operand" : made_by), tail_{this},
        awaiter_(make_awaiter()) {}
  awaiting(const awaiting &) = delete;
  awaiting &operator=(const awaiting &) = delete;

  // the awaiter made by operator co_await dies first ([class.temporary]/8).
  // One that was never made (zeroed, see traced::allocated) records nothing
  ~awaiting() {
    if (!tail_.self) return;
    guarded([&] { recorder::get().await_ending(frame_); });
    if constexpr (converts && !std::is_reference_v<awaiter_type> && !std::is_trivially_destructible_v<W>)
      guarded([&] { recorder::get().event(frame_, about("~awaiter", "operator_co_await", name_of<W>())); });
  }

  bool await_ready() noexcept(noexcept(std::declval<W &>().await_ready())) {
    unsigned long ticket = 0;
    guarded([&] { ticket = recorder::get().begin(frame_, about("await_ready")); });
    bool ready = static_cast<bool>(awaiter_.await_ready());
    guarded([&] { recorder::get().done(ticket, ready ? "true" : "false"); });
    return ready;
  }

  // h's promise is a traced<P>: the awaiter gets a handle to P where it
  // takes one (the same frame: traced<P> begins with P)
  template <class P, class... Args>
  decltype(auto) await_suspend(std::coroutine_handle<traced<P, Args...>> h) noexcept(
      noexcept(std::declval<W &>().await_suspend(handle_for<P>(h)))) {
    const unsigned frame = frame_;        // *this may die in await_suspend
    guarded([&] { recorder::get().suspending(frame, about("await_suspend")); });
    auto arg = handle_for<P>(h);
    using R = decltype(awaiter_.await_suspend(arg));
    using how = recorder::returned;
    auto note = [frame](how k) noexcept { guarded([&] { recorder::get().suspended(frame, k); }); };
    if constexpr (std::is_void_v<R>) {
      noting_throw(note, [&] { awaiter_.await_suspend(arg); });
      note(how::nothing);
    } else if constexpr (std::is_same_v<R, bool>) {
      bool stay = noting_throw(note, [&] { return awaiter_.await_suspend(arg); });
      note(stay ? how::yes : how::no);
      return stay;
    } else {
      R next = noting_throw(note, [&] { return awaiter_.await_suspend(arg); });
      guarded([&] { recorder::get().transferred(frame, next.address()); });
      return next;
    }
  }

  decltype(auto) await_resume() noexcept(noexcept(std::declval<W &>().await_resume())) {
    using R = decltype(awaiter_.await_resume());
    unsigned long ticket = 0;
    guarded([&] { ticket = recorder::get().begin(frame_, about("await_resume")); });
    if constexpr (std::is_void_v<R>) {
      awaiter_.await_resume();
      guarded([&] { recorder::get().done(ticket, std::nullopt); });
      resumed();
    } else if constexpr (std::is_reference_v<R> || std::is_trivially_copyable_v<R> || is_string<R>) {
      R value = awaiter_.await_resume();  // nothing observable copies it
      guarded([&] { recorder::get().done(ticket, show(value)); });
      resumed();
      if constexpr (std::is_reference_v<R>) return static_cast<R>(value);
      else return value;
    } else {                              // kept in place: shown by its type
      guarded([&] { recorder::get().done(ticket, name_of<R>()); });
      struct returning {                  // resumed() once it returned
        awaiting *self;
        int unwinding = std::uncaught_exceptions();
        ~returning() { if (std::uncaught_exceptions() == unwinding) self->resumed(); }
      } mark{this};
      return awaiter_.await_resume();
    }
  }

 private:
  // recorded before the awaitable dies (after the awaiter, before A)
  struct tail {
    awaiting *self;
    ~tail() {
      if (!self) return;
      awaiting &a = *self;
      if constexpr (!std::is_reference_v<A> && !std::is_trivially_destructible_v<A>)
        guarded([&] { recorder::get().event(a.frame_, a.about("~awaiter", a.made_by_, name_of<A>())); });
      if (!a.resumed_) guarded([&] { recorder::get().await_done(a.frame_, a.kind_, false); });
    }
  };

  void resumed() noexcept {
    resumed_ = true;
    guarded([&] { recorder::get().await_done(frame_, kind_, true); });
  }

  awaiter_type make_awaiter() {
    if constexpr (converts) {
      guarded([&] {
        record r = about("operator co_await", made_by_, name_of<A>());
        r.result = name_of<awaiter_type>();
        recorder::get().event(frame_, r);
      });
      return apply_co_await(static_cast<A &&>(awaitable_));
    } else {
      return awaitable_;
    }
  }

  template <class P, class H> static auto handle_for(H h) noexcept {
    if constexpr (requires(W &w, std::coroutine_handle<P> u) { w.await_suspend(u); })
      return std::coroutine_handle<P>::from_address(h.address());
    else
      return h;
  }

  // runs call, telling note that it threw before the exception goes on
  template <class Note, class Call> static decltype(auto) noting_throw(Note &note, Call &&call) {
    if constexpr (noexcept(call())) {
      return call();
    } else {
      try {
        return call();
      } catch (...) {
        note(recorder::returned::threw);
        throw;
      }
    }
  }

  // a record of this co_await: the awaiter's, unless named otherwise
  record about(const char *kind, const char *cause = nullptr, std::string detail = {}) const {
    record r{kind};
    r.cause = cause ? cause : converts ? "operator_co_await" : made_by_;
    r.detail = cause ? std::move(detail) : name_of<W>();
    r.where = kind_ == await_kind::initial ? "initial suspend point"
            : kind_ == await_kind::final ? "final suspend point"
            : at_.text();
    return r;
  }

  unsigned frame_;
  await_kind kind_;
  place at_;
  bool resumed_ = false;                  // await_resume returned
  A awaitable_;
  const char *made_by_;                   // the cause: who made the awaitable
  tail tail_;
  awaiter_type awaiter_;
};

/* ----------------------------------------------------- promise layers -- */

// whether the promise gets the coroutine's arguments: where P(args...) can
// be written, as the compiler asks ([dcl.fct.def.coroutine]/5; g++ 12 also
// counts an aggregate initialised in parentheses, clang 14 does not, and
// std::constructible_from says what the compiler in use does)
template <class P, class... A>
concept promise_takes = sizeof...(A) > 0 && std::constructible_from<P, A &...>;

// records the promise's construction before it starts ([dcl.fct.def.
// coroutine]/5: the promise gets the parameter copies if it can), so that
// a constructor that throws is seen too. It is traced<P>'s first base, and
// empty; P's checks come first, so that their messages do too.
template <class P> struct announcer {
  static_assert(std::is_class_v<P> && !std::is_union_v<P>,
                "corolab::traced<P> derives from the promise type P, and P is a union: "
                "a union cannot be a base class, so its coroutines cannot be traced");
  static_assert(!std::is_final_v<P>,
                "corolab::traced<P> derives from the promise type P, and P is final: "
                "remove `final` from P to trace its coroutines");

  template <class Promise, class... A> explicit announcer(Promise *self, A &...a) noexcept {
    guarded([&] {
      recorder::get().announced(self, std::coroutine_handle<Promise>::from_promise(*self).address(),
                                name_of<P>(), show_all(a...));
    });
  }
};

// the layers' root: P, made from the arguments as P(args...) (an
// aggregate too), or default-initialised
struct with_arguments {};

// (the compiler makes an aggregate promise so without a word; g++ would
// say that the members without an argument are left to their
// initialisers)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
template <class P> struct made : P {
  made() = default;
  template <class... A> made(with_arguments, A &...a) : P(a...) {}
};
#pragma GCC diagnostic pop

// return_value or return_void, whichever P has: the traced promise must
// have the same one (both is ill-formed, [dcl.fct.def.coroutine]/6)
template <class Base, class P> struct returns : Base {
  using Base::Base;
};

template <class Base, class P>
  requires has_return_value<P> && (!has_return_void<P>)
struct returns<Base, P> : Base {
  using Base::Base;
  template <class V>
  decltype(auto) return_value(V &&v, const char *file = __builtin_FILE(),
                              unsigned line = __builtin_LINE()) noexcept(noexcept(std::declval<P &>().return_value(std::forward<V>(v)))) {
    guarded([&] {
      recorder &rec = recorder::get();
      record r{"return_value"};
      r.args = show(v);
      r.where = place{file, line}.text();
      rec.event(rec.id_of(this), r);
    });
    return P::return_value(std::forward<V>(v));
  }
};

template <class Base, class P>
  requires has_return_void<P> && (!has_return_value<P>)
struct returns<Base, P> : Base {
  using Base::Base;
  decltype(auto) return_void(const char *file = __builtin_FILE(),
                             unsigned line = __builtin_LINE()) noexcept(noexcept(std::declval<P &>().return_void())) {
    guarded([&] {
      recorder &rec = recorder::get();
      record r{"return_void"};
      r.where = place{file, line}.text();
      rec.event(rec.id_of(this), r);
    });
    return P::return_void();
  }
};

// get_return_object_on_allocation_failure, only where P has it: its mere
// presence changes the allocation ([dcl.fct.def.coroutine]/10)
template <class Base, class P> struct on_allocation_failure : Base {
  using Base::Base;
};

template <class Base, class P>
  requires has_get_return_object_on_allocation_failure<P>
struct on_allocation_failure<Base, P> : Base {
  using Base::Base;
  static decltype(auto) get_return_object_on_allocation_failure(const char *name = __builtin_FUNCTION()) {
    guarded([&] { recorder::get().allocation_failure(name); });
    return P::get_return_object_on_allocation_failure();
  }
};

template <class P> using layers = on_allocation_failure<returns<made<P>, P>, P>;

// operator new and delete as the coroutine's would be without the
// wrapper ([dcl.fct.def.coroutine]/9-12): P's own (with the coroutine's
// arguments where it takes them), else the global ones (nothrow where P
// has get_return_object_on_allocation_failure)
template <class P, class... A> constexpr bool new_takes_args() {
  if constexpr (sizeof...(A) == 0) return false;
  else return requires(std::size_t n, A &...a) { P::operator new(n, a...); };
}

template <class P, class... A> constexpr bool new_takes_args_noexcept() {
  if constexpr (new_takes_args<P, A...>()) return noexcept(P::operator new(std::size_t{}, std::declval<A &>()...));
  else return false;
}

template <class P> void *allocate(std::size_t n) {
  if constexpr (requires { P::operator new(n); }) return P::operator new(n);
  else if constexpr (has_get_return_object_on_allocation_failure<P>) return ::operator new(n, std::nothrow);
  else return ::operator new(n);
}

template <class P> constexpr bool allocate_is_noexcept() {
  if constexpr (requires(std::size_t n) { P::operator new(n); }) return noexcept(P::operator new(std::size_t{}));
  else return has_get_return_object_on_allocation_failure<P>;
}

template <class P> void deallocate(void *p, std::size_t n) noexcept {
  if constexpr (requires { P::operator delete(p, n); }) P::operator delete(p, n);
  else if constexpr (requires { P::operator delete(p); }) P::operator delete(p);
#if __cpp_sized_deallocation
  else ::operator delete(p, n);
#else
  else { (void)n; ::operator delete(p); }
#endif
}

}  // namespace trace_detail

// Whether Wrapper, a promise type made from Promise, can stand in for it:
// it derives from Promise, begins with it and adds no data, so that
// std::coroutine_handle<Promise>::from_promise and ::promise() find the
// same frame and promise as the compiler does. traced<P> makes this check
// of itself; a library that wraps promise types its own way can too.
template <class Wrapper, class Promise> consteval bool check_promise_wrapper() {
  static_assert(std::is_base_of_v<Promise, Wrapper>, "a promise wrapper must derive from the promise type");
  static_assert(sizeof(Wrapper) == sizeof(Promise) && alignof(Wrapper) == alignof(Promise),
                "a promise wrapper must add no data to the promise type, before the base or after it: "
                "the promise's own members call std::coroutine_handle<P>::from_promise(*this), which "
                "finds the frame from the promise's address as if the promise were a P");
#if defined(__cpp_lib_is_pointer_interconvertible)
  if constexpr (std::is_standard_layout_v<Wrapper>)
    static_assert(std::is_pointer_interconvertible_base_of_v<Promise, Wrapper>,
                  "a promise wrapper must begin with the promise type");
#endif
  return true;
}

// The promise of a traced coroutine whose parameters are Args (the
// implicit object parameter first, for a member): P's members, each
// recorded.
template <class P, class... Args>
class traced : trace_detail::announcer<P>, public trace_detail::layers<P> {
  using base = trace_detail::layers<P>;
  using place = trace_detail::place;
  using record = trace_detail::record;
  using await_kind = trace_detail::await_kind;
  template <class A> using awaiting = trace_detail::awaiting<A>;
  static constexpr bool with_args = trace_detail::new_takes_args<P, Args...>();
  static constexpr bool with_args_nothrow = trace_detail::new_takes_args_noexcept<P, Args...>();
  static constexpr bool alone_nothrow = trace_detail::allocate_is_noexcept<P>();

 public:
  // the promise gets the parameter copies where P can take them, and is
  // default-initialised otherwise, as C++ does ([dcl.fct.def.coroutine]/5)
  traced(Args &...a)
    requires trace_detail::promise_takes<P, Args...>
      : trace_detail::announcer<P>(this, a...), base(trace_detail::with_arguments{}, a...) {}

  traced(Args &...a)
    requires(!trace_detail::promise_takes<P, Args...>)
      : trace_detail::announcer<P>(this, a...) {}

  ~traced() {
    static_assert(check_promise_wrapper<traced, P>());
    trace_detail::guarded([&] { event(record{"~promise_type"}); });
  }

  // P's operator new(size, args...) where it can take the coroutine's
  // arguments, else operator new(size), as the compiler looks them up.
  // Not templates (g++ takes a template operator new and a usual operator
  // delete for a mismatched pair), and noexcept or not by a constraint
  // (clang 14 does not see a conditional noexcept here)
  static void *operator new(std::size_t n, Args &...a) noexcept
    requires(with_args && with_args_nothrow)
  {
    return allocated(P::operator new(n, a...), n, trace_detail::args_of(a...));
  }
  static void *operator new(std::size_t n, Args &...a)
    requires(with_args && !with_args_nothrow)
  {
    return allocated(P::operator new(n, a...), n, trace_detail::args_of(a...));
  }
  static void *operator new(std::size_t n) noexcept
    requires(alone_nothrow)
  {
    return allocated(trace_detail::allocate<P>(n), n, std::nullopt);
  }
  static void *operator new(std::size_t n)
    requires(!alone_nothrow)
  {
    return allocated(trace_detail::allocate<P>(n), n, std::nullopt);
  }

  static void operator delete(void *p, std::size_t n) noexcept {
    trace_detail::guarded([&] { trace_detail::recorder::get().freed(p, n); });
    trace_detail::deallocate<P>(p, n);
  }

  decltype(auto) get_return_object(const char *name = __builtin_FUNCTION(),
                                   const char *file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    trace_detail::guarded([&] {
      trace_detail::recorder &rec = trace_detail::recorder::get();
      record r{"get_return_object"};
      r.result = trace_detail::name_of<decltype(P::get_return_object())>();
      r.where = place{file, line}.text();
      rec.returning_object(rec.id_of(this), r, name);
    });
    return P::get_return_object();
  }

  auto initial_suspend() noexcept(noexcept(std::declval<P &>().initial_suspend())) {
    using A = decltype(P::initial_suspend());
    return awaiting<A>(called("initial_suspend", {}, {}, result<A>()), await_kind::initial,
                       "initial_suspend", {}, [this]() -> decltype(auto) { return P::initial_suspend(); });
  }

  auto final_suspend() noexcept(noexcept(std::declval<P &>().final_suspend())) {
    using A = decltype(P::final_suspend());
    return awaiting<A>(called("final_suspend", {}, {}, result<A>()), await_kind::final,
                       "final_suspend", {}, [this]() -> decltype(auto) { return P::final_suspend(); });
  }

  template <class V>
  auto yield_value(V &&v, const char *file = __builtin_FILE(), unsigned line = __builtin_LINE()) noexcept(
      noexcept(std::declval<P &>().yield_value(std::forward<V>(v)))) {
    using A = decltype(P::yield_value(std::forward<V>(v)));
    place at{file, line};
    return awaiting<A>(called("yield_value", at, trace_detail::args_of(v), result<A>()), await_kind::yield,
                       "yield_value", at, [&]() -> decltype(auto) { return P::yield_value(std::forward<V>(v)); });
  }

  // every co_await in the body comes here ([expr.await]/3.2): to P's own
  // await_transform where P has one, else the operand goes on unchanged
  template <class E>
  auto await_transform(E &&e, const char *file = __builtin_FILE(), unsigned line = __builtin_LINE()) {
    place at{file, line};
    if constexpr (trace_detail::has_await_transform<P>) {
      using A = decltype(P::await_transform(std::forward<E>(e)));
      unsigned id = called("await_transform", at, {}, result<A>(), "operand", trace_detail::name_of<E>());
      return awaiting<A>(id, await_kind::body, "await_transform", at,
                         [&]() -> decltype(auto) { return P::await_transform(std::forward<E>(e)); },
                         std::addressof(e));
    } else {
      unsigned id = 0;
      trace_detail::guarded([&] {
        trace_detail::recorder &rec = trace_detail::recorder::get();
        rec.request(id = rec.id_of(this));
      });
      return awaiting<E &&>(id, await_kind::body, "operand", at, [&]() -> E && { return std::forward<E>(e); });
    }
  }

  void unhandled_exception() noexcept(noexcept(std::declval<P &>().unhandled_exception())) {
    trace_detail::guarded([&] {       // the exception as its value: what(), quoted, or "..."
      std::optional<std::string> what = trace_detail::what_of_current();
      for (const char *kind : {"throw", "unhandled_exception"}) {
        record r{kind, what.value_or("")};
        r.args = what ? trace_detail::quoted(*what) : "...";
        r.inferred = kind[0] == 't';
        event(std::move(r));
      }
    });
    if constexpr (noexcept(std::declval<P &>().unhandled_exception())) {
      P::unhandled_exception();
    } else {
      try {
        P::unhandled_exception();
      } catch (...) {
        trace_detail::guarded([&] {
          trace_detail::recorder &rec = trace_detail::recorder::get();
          rec.left_by_exception(rec.id_of(this));
        });
        throw;
      }
    }
  }

 private:
  void event(record r) {
    trace_detail::recorder &rec = trace_detail::recorder::get();
    rec.event(rec.id_of(this), std::move(r));
  }

  // the frame's memory, zeroed: clang 14 may destroy the final awaiter of
  // a frame that never made one (llvm/llvm-project#57339), and a zeroed
  // awaiting knows it was never made
  static void *allocated(void *p, std::size_t n, std::optional<std::string> args) noexcept {
    if (p) std::memset(p, 0, n);
    trace_detail::guarded([&] { trace_detail::recorder::get().allocated(p, n, std::move(args)); });
    return p;
  }

  template <class A> static std::string result() { return trace_detail::name_of<A>(); }

  // records the call of a member that makes an awaitable; the frame's id
  unsigned called(const char *kind, place at, std::optional<std::string> args, std::string made,
                  const char *cause = nullptr, std::string detail = {}) noexcept {
    unsigned id = 0;
    trace_detail::guarded([&] {
      trace_detail::recorder &rec = trace_detail::recorder::get();
      id = rec.id_of(this);
      record r{kind, std::move(detail), cause};
      r.args = std::move(args);
      r.result = std::move(made);
      r.where = at.text();
      rec.event(id, r);
    });
    return id;
  }
};

}  // namespace corolab

// Trace every coroutine whose return type is R (any argument list). At
// global scope, before the first such coroutine is defined.
#define COROLAB_TRACE(...)                                                      \
  template <class... CorolabArgs> struct std::coroutine_traits<__VA_ARGS__, CorolabArgs...> { \
    using promise_type = ::corolab::traced<typename __VA_ARGS__::promise_type, CorolabArgs...>; \
  };

#endif
