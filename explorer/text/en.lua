-- en.lua — the explorer's English words: the explanation of each
-- lifecycle event and the rule it rests on (events: by event kind, and
-- where the meaning depends on the moment, by the record's context; see
-- explain.lua), what each command does (help), the messages a learner
-- meets (ui: string.format patterns), the tour's text (tour), a frame's
-- states (states), the runtime's own words (runtime), the wrapper's
-- comments (wrapper), a frame's layout (layout), the page's labels (page),
-- the command line's usage (usage), the orders C++ leaves unspecified
-- (orders) and the words a line never breaks inside (words). tr.lua and
-- zh.lua have the same keys.
return {
  events = {
    ["operator new"] =
      "The frame is allocated: promise_type::operator new(size, args...) if the promise "
      .. "declares one, else the global operator new [dcl.fct.def.coroutine]/9. In C++ size "
      .. "covers the promise, the parameter copies and every local that lives across a "
      .. "suspension; a Lua body's frame holds references instead, and its locals live in "
      .. "the body's Lua thread.",
    ["get_return_object_on_allocation_failure"] =
      "operator new returned nullptr and the promise declares "
      .. "get_return_object_on_allocation_failure(): its result is returned to the caller, "
      .. "and no coroutine exists [dcl.fct.def.coroutine]/10.",
    ["parameter copies"] =
      "The parameters are copied (or moved) into the frame, so the body can still read "
      .. "them after the caller's arguments are gone; references stay references "
      .. "[dcl.fct.def.coroutine]/13.",
    ["promise_type"] =
      "The promise object is constructed inside the frame: promise_type(args...) if that "
      .. "constructor exists, else promise_type() [dcl.fct.def.coroutine]/5.",
    ["get_return_object"] =
      "promise.get_return_object() makes the value the caller receives (a generator, a "
      .. "task...). It runs once, before initial_suspend, usually keeping "
      .. "coroutine_handle::from_promise(*this) [dcl.fct.def.coroutine]/7.",
    ["initial_suspend"] =
      "co_await promise.initial_suspend(): suspend_always makes the coroutine lazy (the "
      .. "caller gets control back before the body runs), suspend_never makes it eager "
      .. "[dcl.fct.def.coroutine]/5.",
    ["await_transform"] =
      "The promise declares await_transform, so co_await e becomes "
      .. "co_await promise.await_transform(e) (never for initial, final or yield) "
      .. "[expr.await]/3.2.",
    ["operator co_await"] =
      "The awaitable is turned into an awaiter by its operator co_await, member or "
      .. "non-member [expr.await]/3.3.",
    ["await_ready"] =
      "awaiter.await_ready(): true means the result is already there and the coroutine "
      .. "does not suspend at all; false means: suspend [expr.await]/5.1.",
    ["suspend"] =
      "The coroutine is now suspended: its resume point is saved in the frame. Only "
      .. "after this is await_suspend called, so it may resume or destroy the coroutine "
      .. "[expr.await]/5.1.",
    ["await_suspend"] =
      "awaiter.await_suspend(h) gets the suspended coroutine's handle. It returns void "
      .. "(stay suspended), bool (false: resume at once) or a handle (symmetric transfer: "
      .. "resume that one instead, in constant stack) [expr.await]/5.1.1-5.1.3.",
    ["resume"] = {
      ["resume()"] =
        "h.resume() resumes the coroutine: execution continues at the saved resume point, "
        .. "with await_resume of what it was waiting on [coroutine.handle.resumption].",
      transfer =
        "The coroutine runs because another one's await_suspend returned its handle "
        .. "(symmetric transfer): it continues at its resume point, and the resumer's "
        .. "stack did not grow [expr.await]/5.1.3.",
      bool =
        "await_suspend returned false: the coroutine is resumed at once, right where it "
        .. "suspended, and goes on to await_resume [expr.await]/5.1.2.",
    },
    ["symmetric transfer"] =
      "await_suspend returned a handle: control goes straight to that coroutine, like a "
      .. "tail call, without growing the stack [expr.await]/5.1.3; noop_coroutine() "
      .. "returns to the resumer instead.",
    ["return to caller"] = {
      suspended =
        "The coroutine stays suspended and control returns to whoever called or resumed "
        .. "it: resume() returns, or the coroutine call returns its return object "
        .. "[expr.await]/5.1.1.",
      noop =
        "await_suspend returned noop_coroutine(): transferring to it does nothing, so "
        .. "control returns to whoever resumed the chain [coroutine.noop].",
      observer =
        "The coroutine was resumed or destroyed (by an observer) before await_suspend was "
        .. "called; control returns to the caller.",
    },
    ["await_resume"] = {
      initial =
        "awaiter.await_resume() at the initial suspend point: from here on the "
        .. "coroutine's initial-await-resume-called is true, so an exception from the body "
        .. "goes to unhandled_exception, not to the caller [dcl.fct.def.coroutine]/5.",
      body =
        "awaiter.await_resume() gives the value of the co_await expression (or throws, "
        .. "and then the exception is raised at the co_await) [expr.await]/5.2.",
      final =
        "awaiter.await_resume() at the final suspend point: final_suspend's awaiter did "
        .. "not suspend, so the coroutine flows off its end and its state is destroyed "
        .. "[dcl.fct.def.coroutine]/11.",
    },
    ["~awaiter"] = {
      ["co_await"] =
        "The awaiter, a temporary of the co_await expression, is destroyed at the end of "
        .. "the full-expression [class.temporary]/4.",
      destroy =
        "destroy() of a suspended coroutine: the awaiter it was waiting on dies first, as "
        .. "the temporaries of the interrupted co_await [dcl.fct.def.coroutine]/11.",
    },
    ["~temporary"] =
      "A temporary that no co_await took (a coro.temporary never awaited) is destroyed at "
      .. "the end of its full-expression, last made first: when the full-expression ends, "
      .. "when an error leaves it, or when destroy() ends a coroutine suspended in it "
      .. "[class.temporary]/4.",
    ["yield_value"] =
      "co_yield v is co_await promise.yield_value(v): the promise stores the value, then "
      .. "usually suspends so the consumer can read it [expr.yield]/1.",
    ["return_value"] =
      "co_return v calls promise.return_value(v); the locals die afterwards, and control "
      .. "goes to the final suspend point [stmt.return.coroutine]/2.",
    ["return_void"] =
      "co_return; or flowing off the end of the body calls promise.return_void(); "
      .. "flowing off without one is undefined behaviour [stmt.return.coroutine]/3.",
    ["throw"] =
      "An exception escaped the body. It is caught by the coroutine's implicit try block "
      .. "[dcl.fct.def.coroutine]/5.",
    ["unhandled_exception"] =
      "catch (...) { promise.unhandled_exception(); }: the promise stores the exception "
      .. "(std::current_exception()) or rethrows it to the resumer; if it throws, the "
      .. "coroutine is done without final_suspend [dcl.fct.def.coroutine]/5.",
    ["final_suspend"] =
      "co_await promise.final_suspend() (noexcept). Suspending here keeps the frame, so "
      .. "done() is true and the result can be read; not suspending destroys the frame "
      .. "[dcl.fct.def.coroutine]/5, /11.",
    ["destroy"] =
      "h.destroy(): the coroutine is destroyed at its suspend point: the pending awaiter, "
      .. "the locals innermost first, the promise, the parameter copies, then the frame "
      .. "[coroutine.handle.resumption], [dcl.fct.def.coroutine]/11.",
    ["~locals"] = {
      ["co_return"] =
        "After co_return, the body's locals die, innermost first, before the final "
        .. "suspend point [stmt.return.coroutine], [stmt.jump]/2.",
      unwinding =
        "An exception leaves the body: its locals die, innermost first, while the stack "
        .. "unwinds to the implicit catch [except.ctor]/2.",
      ["flowed off"] =
        "The body flowed off its end: its locals die, innermost first, then return_void() "
        .. "is called [stmt.return.coroutine]/3.",
      destroy =
        "destroy() of a suspended coroutine: the locals alive at its suspend point die, "
        .. "innermost first [dcl.fct.def.coroutine]/11, [stmt.jump]/2.",
    },
    ["~promise_type"] =
      "The promise object is destroyed, after the locals and before the parameter "
      .. "copies [dcl.fct.def.coroutine]/11.",
    ["~parameters"] =
      "The parameter copies in the frame are destroyed, right after the promise "
      .. "[dcl.fct.def.coroutine]/14.",
    ["~return object"] =
      "An exception before the initial await_resume: the return object already made by "
      .. "get_return_object is destroyed and the exception goes to the caller "
      .. "[dcl.fct.def.coroutine]/5.",
    ["convert return object"] =
      "get_return_object's result is not the return type: it is converted as control "
      .. "first returns to the caller [dcl.fct.def.coroutine]/7.",
    ["operator delete"] =
      "The frame's memory is released: promise_type::operator delete if declared, else "
      .. "the global one [dcl.fct.def.coroutine]/12.",
    ["misuse"] =
      "Undefined behaviour or an ill-formed program in C++ (a resume of a running or "
      .. "finished coroutine, a double destroy, a missing promise member...). corolab "
      .. "stops it and names the rule.",
  },
  help = {     -- a line for the list, and more for :help NAME
    help = {"list the commands, or explain one", "With a name: what it does, in full."},
    frames = {"the live frames, a line each", "Each frame's id, coroutine, promise type, "
      .. "state, suspend point, and who resumed it last."},
    show = {"look inside one frame", "Its layout with offsets, its promise, parameters, "
      .. "locals and the awaiter it waits on."},
    step = {"resume h one lifecycle event at a time", "Each event stops at a nested prompt; "
      .. "inside a stop, :step goes on to the next event. 'h' may be a call, e.g. "
      .. ":step range(3), to walk the prologue."},
    ["break"] = {"stop when EVENT happens", "With 'if COND', only when the Lua expression "
      .. "COND holds; it sees kind, frame, other, depth, detail, where, index, ev and h. "
      .. "Without arguments: list the breakpoints."},
    delete = {"delete breakpoint N, or all of them", "The numbers are those :break lists."},
    continue = {"leave the stop and run on", "Until the next breakpoint, or the end."},
    finish = {"run until this resume returns", "Leave the stop and run until the resume it "
      .. "is in returns to its caller; stop there."},
    where = {"the standard's wrapper, with a cursor", "The code the compiler wraps around a "
      .. "coroutine's body, with a cursor at the current step (a stop's event, or h's last "
      .. "event), and the chain of who resumed whom."},
    back = {"go back N recorded events (1 at first)", "Replay: nothing runs again. At the "
      .. "event the explorer shows what it showed live: the event, the frame that moved, and "
      .. ":frames, :where and :show as they were then. :step goes forward, :continue returns "
      .. "to the live point."},
    ["goto"] = {"go to recorded event N", "As :back, to the event numbered N (:log shows the "
      .. "numbers)."},
    replay = {"go to the first recorded event", "As :back, from the start of the recording; "
      .. ":step walks forward one event at a time, :continue returns to the live point."},
    diff = {"two runs side by side, aligned", "With two scripts: run each (in an environment "
      .. "of its own) and compare their events; with two numbers: runs N and M made at the "
      .. "prompt (each command line that made events is one run); without: the last two runs. Events are aligned by kind and frame "
      .. "role (range#1: the first frame of range); '=' both, '|' both with other values, '<' "
      .. "only the first, '>' only the second. A FILE.json is a run record, played: a real C++ "
      .. "program against its Lua mirror, frames aligned in order. As corolab --diff A.lua "
      .. "B.lua."},
    display = {"show the frame that moved after each stop", "Its state, suspend point, "
      .. "promise and the awaiter it waits on. On at first."},
    log = {"the last N recorded events", "20 at first; each with its arguments and what it "
      .. "returned, e.g. yield_value(1) → suspend_always."},
    trace = {"print every event as it happens", "Indented by resume depth."},
    error = {"an error, with its Lua traceback", "Of the error at the stop, at event N, or "
      .. "the last one recorded; elsewhere an error shows as its value: throw(\"...\")."},
    export = {"write the recorded run to FILE", "chrome: Chrome trace JSON (open it in "
      .. "ui.perfetto.dev); mermaid: a Mermaid sequence diagram; dot: a Graphviz state graph; "
      .. "html: one page that plays the run in a browser, offline (FILE.html#event=N opens "
      .. "at event N)."},
    record = {"how many events the recording keeps", "The last ones; 100000 at first. With "
      .. "N: keep the last N."},
    lessons = {"the lessons, the ones done marked", "Each a short Lua script mirroring a "
      .. "C++20 program; progress is kept in ~/.corolab/progress (or $COROLAB_HOME)."},
    lesson = {"run lesson N, stopping where it teaches", "As :load does."},
    load = {"run lesson NAME, stopping where it teaches", "NAME is its name or number, or a "
      .. "unique part of its name. It stops at the events the lesson chose, from its first "
      .. "event; every other event is shown as it passes, each explanation once. At a stop: "
      .. ":continue to the next one, :step one event, or set breakpoints."},
    predict = {"stepping as a quiz", "With a lesson NAME: at each of its chosen stops, guess "
      .. "the next event from a few choices (a number or the event's name; Tab completes "
      .. "it); the guess moves on by itself and says if it was right, and if not, why it "
      .. "could not come next; the score shows as you go. With on: every :step stop asks."},
    lang = {"English, Türkçe or 中文", "The explorer's language; at first from --lang, else "
      .. "LC_ALL, LC_MESSAGES or LANG."},
    tour = {"a guided tour of about five minutes", "A generator and a task, one event at a "
      .. "time, with :frames, :show, :where, a breakpoint and an export."},
    order = {"g++ 12's or clang 14's choices", "Where C++ leaves an order unspecified and "
      .. "g++ 12 and clang 14 differ, corolab does as one of them: g++ at first (or as "
      .. "--order says). Without an argument: the choice now, and each such order with what "
      .. "each compiler does. An event such a choice placed is marked ‡ in :trace, :log, at "
      .. "a stop and in the page."},
    play = {"play a run record FILE", "A record of one run: what corolab/trace.hpp writes "
      .. "for a real C++20 program, or corolab --export record for a script. It becomes the "
      .. "run: :log, :goto, :back, :replay, :where, :frames, :show and :export work on it as "
      .. "on a live run, and nothing runs. Events the program could not see are marked "
      .. "(inferred). As corolab --play FILE."},
  },
  ui = {
    banner = "%s — the C++20 coroutine machinery, live, in %s.",
    welcome = "New here? Type %s for a guided tour, %s for the commands; coro is loaded. "
      .. "Ctrl-D quits.",
    help_title = "explorer commands",
    help_note = "(unique prefixes will do; h is a Lua expression giving a handle, a return "
      .. "object with field h, or a frame id)",
    help_end = "Anything else is Lua: expressions print their values. Ctrl-C interrupts, "
      .. "Ctrl-D leaves (at a stop: continues).",
    language = "language: %s",
    step = "step",
    breakpoint = "breakpoint %d",
    finished = "finished",
    lesson = "lesson %s",
    cpp_and_lua = "Lua (coro)",
    lua_after = "Lua (coro), the same program",
    cpp_refused = "C++20 that g++ refuses (each error at the line its comment names)",
    take_away = "take away:",
    lessons_end = "(:lesson N or :load NAME runs one, stopping at the events it chose to "
      .. "teach; :predict NAME makes them a quiz)",
    lesson_stop = "stop",
    lesson_stops = "The lesson stops at the events chosen to teach; every other event is "
      .. "shown as it passes, each explanation once. At a stop: :continue goes on to the "
      .. "next one, :step one event; :where and :show look around.",
    quiz_stops = "A quiz: at each event the lesson chose, guess what comes next; the guess "
      .. "moves on by itself. Every other event is shown as it passes. Enter skips a "
      .. "question, Ctrl-D ends the quiz.",
    narrated = "event",
    narrated_more = "(more events before the next stop, not shown: :log lists them)",
    no_progress = "(cannot keep the progress in %s)",
    no_script = "cannot open %s: no such file, nor a built-in script of that name (a lesson's, as :lessons lists them, or a compare pair's: %s)",
    which_lesson = "which lesson? :lessons lists them",
    no_lesson_number = "no lesson %s: the lessons are numbered 1 to %d (:lessons lists them)",
    lessons_named = "more than one lesson '%s': %s",
    no_lesson_named = "no lesson '%s': %s",
    stops_no_event = "%s: stops: no event '%s'",
    stops_not_occurrence = "%s: stops: not an occurrence: %s",
    predict_question = "what happens next?",
    predict_prompt = "guess (a number or a name, Tab completes; Enter: no guess) ",
    predict_prompt_lesson = "guess (a number or a name, Tab completes; Enter: skip) ",
    predict_right = "right: %s  (%d right of %d)",
    predict_wrong = "not %s: it is %s  (%d right of %d)",
    predict_why = "why not: %s",
    predict_left = "no more questions; the run goes on",
    predict_unlisted = "(%s was not among the choices: no score)",
    predict_unknown = "'%s' is none of the choices: a number from 1 to %d, a name, or Enter",
    predict_score = "predictions: %d right of %d",
    -- what the commands say (string.format patterns)
    unknown_command = "unknown command :%s (:help lists them)",
    ambiguous_command = ":%s is ambiguous: %s",
    command_missing = "a command name after ':' (:help lists them)",
    usage = "usage: %s",
    switch_usage = "%s on, or %s off",
    switch_on = "%s is on",
    switch_off = "%s is off",
    no_events = "no events recorded yet",
    no_event_of_it = "no event of it in %s",
    extent = "%d events",
    extent_dropped = "the last %d of %d events (the %d before were dropped: :record N keeps "
      .. "more)",
    log_usage = "log N: the last N events, N a whole number >= 1",
    session = "corolab session",
    wrote = "wrote %s (%s) to %s",
    recording = "recording keeps the last %d events; it holds %s",
    no_language = "no language '%s': %s",
    export_option = "--export FORMAT=FILE, FORMAT one of %s; got '%s'",
    unknown_format = "unknown export format '%s': %s",
    alternatives = "%s or %s",
    cannot_write = "cannot write the export: %s",
    cannot_write_to = "cannot write the export to %s: %s",
    interrupted = "interrupted! (%s)",
    nothing_ran = "no coroutine was running",
    ran_destroyed = "%s was running; it has been destroyed since",
    ran_now = "%s was running; it is now %s",
    ran_done = "%s, done: the interrupt went through its body as an exception (:show %d tells "
      .. "more)",
    ran_on = "%s, in a call that goes on",
    state_at = "%s at %s",
    a_co_await = "a co_await",
    event = "event %s",
    by = "by %s",
    from = "from %s",
    at = "at %s",
    promise = "promise %s",
    awaiting = "awaiting %s",
    condition_failed = "breakpoint %d: condition failed: %s",
    destroyed = "destroyed",
    frame_is = "%s is %s",
    kept_in_underscore = "(the return object, kept in _)",
    resume_undefined = "%s; resuming it would be undefined behaviour",
    step_what = "step what? :step h (a handle, or a frame id)",
    step_gone = "the frame :step resumed last is gone",
    not_stopped = "%s: not stopped in an event (no breakpoint hit, no :step)",
    no_breakpoints = "no breakpoints",
    hits = "hit %d",
    no_event_kind = "no event '%s'; events: %s",
    too_deep = "(condition): nested too deeply for Lua's parser (%s)",
    bad_condition = "cannot use this condition: %s",
    breakpoint_set = "breakpoint %d: %s",
    all_deleted = "all breakpoints deleted",
    deleted = "breakpoint %d deleted",
    no_breakpoint = "no breakpoint %s",
    argument = "argument",
    no_live_frame = "no live frame #%d (:frames lists them)",
    not_a_handle = "%s is not a coroutine handle, nor a return object holding one, nor a "
      .. "frame id",
    not_a_handle_but = "%s is %s, not a coroutine handle, nor a return object holding one, "
      .. "nor a frame id",
    which_frame = "which frame? give a handle or a frame id",
    noop_handle = "%s is noop_coroutine(): a handle with no frame of its own; done() is "
      .. "false, and resume() and destroy() do nothing",
    by_transfer = "%s (transfer)",
    col_id = "id",
    col_coroutine = "coroutine",
    col_promise_type = "promise type",
    col_state = "state",
    col_at = "suspended at",
    col_resumed_by = "last resumed by",
    no_live_frames = "no live frames",
    row_frame = "frame",
    row_layout = "layout",
    row_promise = "promise",
    row_params = "params",
    row_locals = "locals",
    row_awaiter = "awaiter",
    row_where = "where",
    none = "(none)",
    frame_size = "%d bytes, what operator new got",
    size_unknown = "size unknown",
    last_resumed_by = "%s; last resumed by %s",
    bytes = "%d bytes",
    replay = "replay",
    replay_dropped = "(the recording dropped the events before; at event %d, the oldest kept)",
    back_usage = "back N: N events back, N a whole number >= 1",
    goto_usage = "goto N: the event numbered N (:log shows the numbers)",
    no_such_event = "no event %d: the recording holds %s (numbers %d to %d)",
    replay_end = "that was the last recorded event: back at the live point",
    no_frame_then = "no frame #%d at event %d (:frames lists those alive then)",
    at_event_then = "(at event %d; :continue for now)",
    where_title = "%s at event %d: %s",
    chain = "resume chain: %s",
    chain_idle = "resume chain: nothing is running now",
    chain_called = "called %s",
    chain_resumed = "resumed %s",
    chain_destroyed = "destroyed %s",
    chain_transferred = "transferred to %s",
    error_usage = "error N: the error of event N (:log shows the numbers)",
    error_none = "no error recorded yet",
    error_not_error = "event %d is %s, no error: throw and unhandled_exception carry one",
    error_of = "the error of event %d, %s, with its Lua traceback:",
    diff_too_many = "too many events to align (%d and %d; at most %d pairs): compare shorter "
      .. "runs",
    diff_side = "%s: %d events",
    diff_folded = "... %d more in common ...",
    diff_summary = "%d in common (%d with other values), %d only in %s, %d only in %s",
    diff_first_value = "first other value: event %d and event %d, %s vs %s",
    diff_first_step = "first step only one took: event %d of %s, %s",
    diff_same = "the two runs did the same, step by step",
    apart_no_memory = "%s: not enough memory for a Lua state of its own to run it in",
    apart_not_data = "%s: its run came back as more than plain data, so it cannot be compared",
    diff_run = "run %d (events %d-%d)",
    diff_no_run = "no run %d: %s",
    diff_no_runs_yet = "no command line has made events yet",
    diff_usage = "usage: :diff A.lua B.lua (two scripts), :diff N M (runs N and M made at the "
      .. "prompt) or :diff (the last two)",
    diff_not_two = "no two runs to compare yet: each command line that makes events is a run "
      .. "(or :diff A.lua B.lua)",
    record_usage = "record N: keep the last N events, N a whole number >= 0 (0: record none)",
    record_off = "recording is off: no event is kept, so :log, :where, :back, :goto, "
      .. ":replay, :diff N M and :export have nothing new, and runs go at full speed; "
      .. ":trace, :step and breakpoints still work while on. :record N turns it on again",
    record_many = "(this run has made more than %d events, each one recorded: that slows it "
      .. "down and takes memory. :record 0 turns recording off; Ctrl-C stops the run)",
    goto_outside = "no event %s: the recording holds %s (numbers %d to %d)",
    back_first = "(:back %d: only %d events are recorded before this one; at the first, "
      .. "event %d)",
    condition_changed = "breakpoint %d: its condition made %d events (it resumed, destroyed "
      .. "or called a coroutine), so the run is no longer what it was; a condition should only "
      .. "look at ev, h and p. Stopped here",
    -- where C++ leaves an order unspecified (coro.unspecified; :order, --order)
    unspecified_mark = "‡ as %s",
    unspecified_note = "‡ implementation-specific: C++ does not specify %s %s. g++ 12 %s; "
      .. "clang 14 %s. corolab does as %s here (:order, --order).",
    order_now = "order: where C++ leaves an order unspecified, corolab does as %s",
    order_item = "%s: C++ does not specify %s %s. g++ 12 %s; clang 14 %s.",
    order_usage = "order g++|clang: where C++ leaves an order unspecified, whose choice "
      .. "corolab makes, g++ 12's or clang 14's",
    order_option = "--order g++|clang: where C++ leaves an order unspecified, whose choice "
      .. "corolab makes, not '%s'",
    play_cannot_open = "cannot play %s: %s",
    play_not_record = "cannot play %s: its first line is not the head of a corolab run "
      .. "record (what corolab/trace.hpp and corolab --export record write: "
      .. "docs/record-format.md)",
    play_stopped = "%s: line %d %s; the record was cut or edited there: playing its %d "
      .. "events before it",
    play_newer_stopped = "%s was written by %s, newer than this %s: its line %d %s; playing "
      .. "its %d events before it",
    play_truncated = "%s has no end: its program did not finish it (it crashed, or runs "
      .. "still), or the file was cut; playing its %d whole events",
    play_newer = "%s was written by %s, newer than this %s, and holds nothing this one does "
      .. "not know: it plays whole",
    play_why_json = "is not JSON (at character %d)",
    play_why_field = "has no valid %s field",
    play_why_seq = "is event %d where %d was due",
    play_why_kind = "names an event this corolab does not know: %s",
    play_why_cause = "names a cause this corolab does not know: %s",
    play_why_frame = "names frame #%d, which the record does not have",
    play_why_freed = "is an event of #%d after its operator delete",
    play_why_end = "ends the events before the record's last line",
    play_why_footer = "is an end that does not read as the format's",
    play_why_state = "is %s of #%d, which is %s then",
    play_why_count = "says %s events where %d are written",
    played = "playing %s: %d events of %s. :log lists them; :replay, :goto N and :back walk "
      .. "them; :where, :frames and :show show each moment; :export writes them",
    played_traced = "playing %s: %d events of %s, built by %s; the events the program could "
      .. "not see are marked (inferred). :log lists them; :replay, :goto N and :back walk "
      .. "them; :where, :frames and :show show each moment; :export writes them",
    play_not_live = "a record plays: nothing runs, so :%s has nothing to stop; :replay, :goto "
      .. "N and :back walk the record",
    play_frame_id = "%s: a record played has no handles; name a frame by its number (:frames "
      .. "lists them)",
    inferred_mark = "(inferred)",
    inferred_note = "inferred: the traced program cannot see this event; it follows from the "
      .. "events it saw",
    not_recorded = "not recorded",
    diff_unseen = "(%d events of %s left out, of the kinds a traced program's record never "
      .. "has: %s)",
  },
  tour = {
    title = "corolab tour",
    intro = "a generator and a task, run one lifecycle event at a time, as C++ runs them. "
      .. "Each kind of event is shown once, the key ones explained.",
    pause = "  [Enter] next, q: quiet ",
    generator = "1. A generator",
    generator_intro = "The promise type's members are what the compiler calls. "
      .. "initial_suspend returns suspend_always, so range(2) only builds the frame.",
    call = "the call: frame, promise, return object, initial suspend",
    step = "resume it one event at a time: the tour types :step, then :continue",
    where = "where it stopped, in the code the compiler wraps around the body",
    ["break"] = "stop before the next yield_value is called",
    stop_resume = "on to co_yield 1; the breakpoint stops it",
    at_stop = "At a stop, ev is the event, h the handle, p the promise.",
    value = "the value on its way, and the one the promise still holds",
    last_resume = "off the end: return_void, then the final suspend point",
    destroy = "the owner ends the frame",
    task = "2. A task awaiting a task",
    task_intro = "coro.task is lazy too: co_await inner() starts inner by symmetric "
      .. "transfer, and inner's final awaiter transfers back to outer.",
    task_call = "suspended at its initial suspend point",
    task_run = "runs outer to its end",
    task_close = "the frame dies",
    export = "the whole run, as a page that plays it",
    exported = "Open %s in a browser: it plays the run offline, with the wrapper's cursor, "
      .. "the frames and the source line at each event.",
    closing = "That was the whole lifecycle. Next: :lessons lists the lessons, one concept "
      .. "each (:lesson 1 starts the first); :help lists the commands.",
    folded = "(%d more, of kinds shown above)",
  },
  -- predict: why a guess could not come next, for each event and each
  -- choice :predict offers after it ("EVENT > CHOICE"), citing the rule
  predict = {
    ["operator new > parameter copies"] =
      "The parameters are copied into the frame only once operator new has given memory; "
      .. "it returned nullptr, so get_return_object_on_allocation_failure() answers the "
      .. "caller instead [dcl.fct.def.coroutine]/10.",
    ["operator new > get_return_object_on_allocation_failure"] =
      "get_return_object_on_allocation_failure is called only when operator new returns "
      .. "nullptr; here the frame exists, so the parameters are copied into it "
      .. "[dcl.fct.def.coroutine]/10, /13.",
    ["operator new > promise_type"] =
      "The promise is constructed after the parameter copies, so that its constructor can "
      .. "take them [dcl.fct.def.coroutine]/13.",
    ["parameter copies > promise_type"] =
      "The promise is constructed right after the parameter copies, unless a copy threw "
      .. "[dcl.fct.def.coroutine]/13.",
    ["parameter copies > get_return_object"] =
      "get_return_object is a member of the promise, which does not exist yet: it is "
      .. "constructed first [dcl.fct.def.coroutine]/5, /7.",
    ["parameter copies > initial_suspend"] =
      "initial_suspend comes after the promise is constructed and get_return_object has "
      .. "made the caller's result [dcl.fct.def.coroutine]/5, /7.",
    ["promise_type > get_return_object"] =
      "get_return_object follows the promise's constructor unless the constructor threw "
      .. "[dcl.fct.def.coroutine]/7.",
    ["promise_type > initial_suspend"] =
      "get_return_object runs before initial_suspend [dcl.fct.def.coroutine]/7.",
    ["promise_type > parameter copies"] =
      "The parameters were copied before the promise was constructed, so that its "
      .. "constructor could take the copies [dcl.fct.def.coroutine]/13.",
    ["get_return_object > initial_suspend"] =
      "initial_suspend follows get_return_object unless get_return_object threw; then the "
      .. "exception goes to the caller [dcl.fct.def.coroutine]/5, /7.",
    ["get_return_object > return to caller"] =
      "The caller gets control back only at the first suspension or the end: "
      .. "co_await promise.initial_suspend() comes first [dcl.fct.def.coroutine]/5.",
    ["get_return_object > convert return object"] =
      "get_return_object's result is converted to the return type only when control first "
      .. "returns to the caller, after initial_suspend [dcl.fct.def.coroutine]/7.",
    ["initial_suspend > await_ready"] =
      "co_await promise.initial_suspend() goes on with its awaiter's await_ready, unless "
      .. "initial_suspend threw [expr.await]/5.1.",
    ["initial_suspend > suspend"] =
      "Whether to suspend is asked first: await_ready of initial_suspend's awaiter comes "
      .. "before any suspension [expr.await]/5.1.",
    ["initial_suspend > await_transform"] =
      "await_transform is never applied at the initial suspend point, only to a co_await "
      .. "in the body [expr.await]/3.2.",
    ["initial_suspend > ~return object"] =
      "The return object dies there only when initial_suspend throws: before the initial "
      .. "await_resume the exception goes to the caller [dcl.fct.def.coroutine]/5.",
    ["await_transform > await_ready"] =
      "What await_transform returned goes through its operator co_await first, when it "
      .. "has one [expr.await]/3.3.",
    ["await_transform > operator co_await"] =
      "operator co_await is applied only when the awaitable has one, member or non-member; "
      .. "this one is its own awaiter [expr.await]/3.3.",
    ["await_transform > suspend"] =
      "A co_await suspends only after await_ready returned false [expr.await]/5.1.",
    ["operator co_await > await_ready"] =
      "await_ready of the awaiter operator co_await gave comes next, unless operator "
      .. "co_await threw [expr.await]/5.1.",
    ["operator co_await > suspend"] =
      "A co_await suspends only after await_ready returned false [expr.await]/5.1.",
    ["operator co_await > await_resume"] =
      "await_resume comes after await_ready returned true, or after the coroutine was "
      .. "suspended and resumed; await_ready is asked first [expr.await]/5.1.",
    ["await_ready > suspend"] =
      "The coroutine suspends only when await_ready returns false; it returned true, so "
      .. "await_resume comes at once [expr.await]/5.1.",
    ["await_ready > await_resume"] =
      "await_resume follows await_ready at once only when it returns true; it returned "
      .. "false, so the coroutine suspends first [expr.await]/5.1.",
    ["await_ready > await_suspend"] =
      "await_suspend is called only once the coroutine is suspended: the suspension comes "
      .. "between await_ready and await_suspend [expr.await]/5.1.",
    ["suspend > await_suspend"] =
      "await_suspend(h) follows the suspension unless something resumed or destroyed the "
      .. "coroutine first [expr.await]/5.1.",
    ["suspend > return to caller"] =
      "Control does not return before await_suspend has run: it gets the suspended "
      .. "coroutine's handle and decides what runs next [expr.await]/5.1.",
    ["suspend > await_resume"] =
      "await_resume comes only after the coroutine is resumed; first await_suspend(h) is "
      .. "called with its handle [expr.await]/5.1.",
    ["await_suspend > return to caller"] =
      "Control returns to the caller or resumer only when await_suspend returns void, "
      .. "true or noop_coroutine() [expr.await]/5.1.1.",
    ["await_suspend > symmetric transfer"] =
      "A symmetric transfer happens only when await_suspend returns a coroutine handle; "
      .. "then that coroutine runs next [expr.await]/5.1.3.",
    ["await_suspend > resume"] =
      "The coroutine resumes at once only when await_suspend returns false "
      .. "[expr.await]/5.1.2.",
    ["await_suspend > await_resume"] =
      "await_resume never follows await_suspend directly: the coroutine is resumed first, "
      .. "by whoever holds its handle or by await_suspend returning false [expr.await]/5.1.",
    ["return to caller > resume"] =
      "After control returns, the caller's own code runs: a coroutine resumes only when "
      .. "someone calls resume() on its handle [coroutine.handle.resumption].",
    ["return to caller > destroy"] =
      "After control returns, the caller's own code runs: a frame is destroyed only when "
      .. "someone calls destroy() on its handle [coroutine.handle.resumption].",
    ["return to caller > operator new"] =
      "After control returns, the caller's own code runs: a frame is allocated only when "
      .. "it calls a coroutine [dcl.fct.def.coroutine]/9.",
    ["resume > await_resume"] =
      "A resumed coroutine goes on with the co_await it suspended in, so await_resume "
      .. "comes first [expr.await]/5.2.",
    ["resume > await_ready"] =
      "await_ready was asked before the suspension; a resumed coroutine goes on after it, "
      .. "with await_resume [expr.await]/5.2.",
    ["resume > yield_value"] =
      "A resumed coroutine first finishes the co_await it suspended in: await_resume "
      .. "comes before the next co_yield's yield_value [expr.await]/5.2.",
    ["symmetric transfer > resume"] =
      "The coroutine whose handle await_suspend returned is resumed next "
      .. "[expr.await]/5.1.3.",
    ["symmetric transfer > await_resume"] =
      "A transfer resumes the other coroutine first (its resume); await_resume is that "
      .. "one's, after it [expr.await]/5.1.3.",
    ["symmetric transfer > return to caller"] =
      "A transfer does not return to the caller: like a tail call, it resumes the "
      .. "coroutine whose handle await_suspend returned [expr.await]/5.1.3.",
    ["await_resume > ~awaiter"] =
      "An awaiter dies at the end of its co_await only when it is a temporary; otherwise "
      .. "the body goes on to its next statement [class.temporary]/4.",
    ["await_resume > yield_value"] =
      "After await_resume the body goes on: yield_value comes only at a co_yield, and a "
      .. "temporary awaiter dies first [expr.yield]/1, [class.temporary]/4.",
    ["await_resume > return_value"] =
      "After await_resume the body goes on: return_value comes only at a co_return with a "
      .. "value, and a temporary awaiter dies first [stmt.return.coroutine]/2.",
    ["await_resume > ~promise_type"] =
      "The frame dies right after await_resume only at the final suspend point, when "
      .. "final_suspend's awaiter did not suspend; in the body the co_await ends and the "
      .. "body goes on [dcl.fct.def.coroutine]/11.",
    ["~awaiter > yield_value"] =
      "After the co_await the body runs its next statement: yield_value comes only at a "
      .. "co_yield [expr.yield]/1.",
    ["~awaiter > return_value"] =
      "After the co_await the body runs its next statement: return_value comes only at a "
      .. "co_return with a value [stmt.return.coroutine]/2.",
    ["~awaiter > ~locals"] =
      "The locals die when the body ends (co_return, flowing off, an exception) or in "
      .. "destroy(), innermost first [stmt.jump]/2.",
    ["~awaiter > ~promise_type"] =
      "The promise dies only when the frame is destroyed, and the locals die before it "
      .. "[dcl.fct.def.coroutine]/11.",
    ["yield_value > await_ready"] =
      "co_yield v is co_await promise.yield_value(v): await_ready of the awaiter it "
      .. "returned comes next, unless yield_value threw [expr.yield]/1.",
    ["yield_value > suspend"] =
      "A co_yield is a co_await: await_ready of yield_value's awaiter is asked before any "
      .. "suspension [expr.yield]/1, [expr.await]/5.1.",
    ["yield_value > return_value"] =
      "yield_value does not end the coroutine: its awaiter is awaited, and return_value "
      .. "comes only at a co_return [expr.yield]/1.",
    ["return_value > ~locals"] =
      "After return_value the locals die, then the coroutine reaches its final suspend "
      .. "point [stmt.return.coroutine]/2.",
    ["return_value > final_suspend"] =
      "The locals die between return_value and final_suspend: co_return leaves their "
      .. "scope first [stmt.return.coroutine]/2, [stmt.jump]/2.",
    ["return_value > return_void"] =
      "A coroutine calls return_value or return_void, never both: co_return v called "
      .. "return_value [stmt.return.coroutine]/2.",
    ["return_void > final_suspend"] =
      "After co_return; the locals die before final_suspend; only when the body flowed "
      .. "off its end are they gone already [stmt.return.coroutine]/3.",
    ["return_void > ~locals"] =
      "The locals are gone already: the body flowed off its end, and they died before "
      .. "return_void [stmt.return.coroutine]/3.",
    ["return_void > destroy"] =
      "After return_void the coroutine reaches its final suspend point: co_await "
      .. "promise.final_suspend() comes next [dcl.fct.def.coroutine]/5.",
    ["~locals > final_suspend"] =
      "final_suspend follows the locals' end only after a co_return; they died for "
      .. "another reason here: flowing off, an exception or destroy() "
      .. "[dcl.fct.def.coroutine]/5.",
    ["~locals > return_void"] =
      "return_void follows the locals' end only when the body flowed off its end "
      .. "[stmt.return.coroutine]/3.",
    ["~locals > unhandled_exception"] =
      "unhandled_exception follows the locals' end only when an exception left the body "
      .. "[dcl.fct.def.coroutine]/5.",
    ["~locals > ~promise_type"] =
      "The promise dies right after the locals only in destroy(); otherwise the coroutine "
      .. "goes on to its final suspend point [dcl.fct.def.coroutine]/11.",
    ["throw > ~locals"] =
      "Locals die as the exception unwinds the body, when some are alive "
      .. "[except.ctor]/2.",
    ["throw > unhandled_exception"] =
      "The locals die first, as the stack unwinds; and before the initial await_resume "
      .. "the exception goes to the caller instead [dcl.fct.def.coroutine]/5.",
    ["throw > ~return object"] =
      "The return object dies only when the exception comes before the initial "
      .. "await_resume; the body had begun, so the catch calls unhandled_exception "
      .. "[dcl.fct.def.coroutine]/5.",
    ["unhandled_exception > final_suspend"] =
      "final_suspend follows unhandled_exception only when it returns; it threw, so the "
      .. "coroutine is done without final_suspend [dcl.fct.def.coroutine]/5.",
    ["unhandled_exception > return to caller"] =
      "When unhandled_exception returns, the coroutine goes on: co_await "
      .. "promise.final_suspend() comes next [dcl.fct.def.coroutine]/5.",
    ["unhandled_exception > destroy"] =
      "When unhandled_exception returns, the coroutine goes on to final_suspend; a frame "
      .. "is destroyed only by destroy() or by flowing off its end "
      .. "[dcl.fct.def.coroutine]/5, /11.",
    ["final_suspend > await_ready"] =
      "co_await promise.final_suspend() asks await_ready of its awaiter first "
      .. "[expr.await]/5.1.",
    ["final_suspend > suspend"] =
      "The final co_await is a co_await: await_ready is asked before any suspension "
      .. "[dcl.fct.def.coroutine]/5, [expr.await]/5.1.",
    ["final_suspend > destroy"] =
      "final_suspend's awaiter is awaited first; the frame dies when it does not suspend, "
      .. "or later by destroy() [dcl.fct.def.coroutine]/11.",
    ["destroy > ~awaiter"] =
      "destroy() ends an awaiter first only when the coroutine waits on a temporary one; "
      .. "here it waits on none [dcl.fct.def.coroutine]/11.",
    ["destroy > ~locals"] =
      "destroy() ends what lives at the suspend point in order: the awaiter it waits on, "
      .. "the locals, then the promise [dcl.fct.def.coroutine]/11.",
    ["destroy > ~promise_type"] =
      "destroy() ends the awaiter the coroutine waits on and its locals before the "
      .. "promise [dcl.fct.def.coroutine]/11.",
    ["~promise_type > ~parameters"] =
      "The parameter copies die right after the promise [dcl.fct.def.coroutine]/14.",
    ["~promise_type > operator delete"] =
      "The parameter copies die between the promise and the frame's memory "
      .. "[dcl.fct.def.coroutine]/14.",
    ["~promise_type > ~locals"] =
      "The locals died before the promise: the frame's parts die in the reverse order of "
      .. "their making [dcl.fct.def.coroutine]/11.",
    ["~parameters > operator delete"] =
      "The frame's memory is freed right after the parameter copies die "
      .. "[dcl.fct.def.coroutine]/12.",
    ["~parameters > ~promise_type"] =
      "The promise died before the parameter copies [dcl.fct.def.coroutine]/14.",
    ["~parameters > return to caller"] =
      "The frame's memory is freed before control goes anywhere: operator delete comes "
      .. "next [dcl.fct.def.coroutine]/12.",
  },
  states = {   -- a frame's state (the keys of coro.states), as :frames and the page show it
    prologue = "prologue",
    suspended_initial = "suspended_initial",
    suspended = "suspended",
    suspended_final = "suspended_final",
    running = "running",
    destroying = "destroying",
  },
  runtime = {  -- the runtime's own words in a record, here exactly as it writes them
    initial_point = "initial suspend point",
    final_point = "final suspend point",
    initial_awaiter = "initial_suspend's awaiter",
    operand = "co_await's operand",
    yield_awaiter = "yield_value's awaiter",
    final_awaiter = "final_suspend's awaiter",
    resume_called = "resume() was called",
    transferred = "await_suspend returned its handle (symmetric transfer)",
    returned_false = "await_suspend returned false",
    returned_void = "await_suspend returned void",
    returned_true = "await_suspend returned true",
    returned_noop = "await_suspend returned noop_coroutine()",
    resumed_before_await_suspend = "resumed before await_suspend was called",
    destroyed_before_await_suspend = "destroyed before await_suspend was called",
    state_prologue = "in its prologue",
    state_suspended_initial = "suspended at its initial suspend point",
    state_suspended = "suspended",
    state_suspended_final = "suspended at its final suspend point",
    state_running = "running",
    state_destroying = "being destroyed",
  },
  wrapper = {  -- :where and the page: the wrapper's comments and pseudo-statements
    operator_new = "or get_return_object_on_allocation_failure()",
    promise = "promise ctor gets the arguments if it takes them",
    get_return_object = "before initial_suspend",
    initial_suspend = "no await_transform here",
    body = "co_await / co_yield / co_return",
    rethrow = "to the caller; frame torn down",
    unhandled_exception = "if it throws: done, final_suspend not called",
    final_suspend = "noexcept; no await_transform",
    ["end"] = "falling off here destroys the frame",
    operand = "initial_suspend(), final_suspend(), yield_value(v) or e",
    await_transform = "in the body, if the promise has one",
    operator_co_await = "member or non-member, if any",
    suspend = "suspend: save the resume point",
    await_suspend = "void, bool (false: resume) or a handle",
    ["return"] = "return to the caller / resumer, or transfer to the handle",
    resume_point = "resume point",
    await_resume = "the value of the co_await",
    awaiter_dies = "end of the full-expression",
  },
  layout = {   -- :show: what each field of the frame's head holds
    resume = "resume function: where h.resume() jumps",
    destroy = "destroy function: where h.destroy() jumps",
    promise = "the promise object",
    state = "suspend index, state, initial-await-resume-called, id",
    locals = "parameter copies and locals that live across suspensions",
    lua_promise = "a reference to the promise table",
    lua_locals = "the body's Lua thread, which holds its locals and parameter copies",
  },
  page = {     -- the page that plays a run (player.html)
    title = "corolab run",
    first_title = "first event (Home)",
    prev_title = "previous event (left arrow)",
    play_title = "play / pause (space)",
    next_title = "next event (right arrow)",
    last_title = "last event (End)",
    speed_title = "events per second",
    slider = "event",
    play = "play",
    pause = "pause",
    counter = "event %d of %d",
    events = "events",
    wrapper = "the coroutine, as the standard writes it",
    body = "body",
    frames = "live frames",
    keys = "← → step · space play/pause · Home/End · click an event to go there · the "
      .. "address (#event=N) follows the position",
    no_explanation = "(no explanation for this event)",
    no_line = "(no body line yet)",
    no_source = "(source not available)",
    no_frame = "no live frame",
    no_events = "This run has no events.",
    idle = "resume chain: nothing is running (main has control)",
    chain = "resume chain: %s",
    call = "call",
    resume = "resume",
    destroy = "destroy",
    transfer = "transfer",
    call_title = "call (the caller waits for it to suspend or end)",
    resume_title = "resume (the resumer waits for it to suspend)",
    destroy_title = "destroy (the destructors run, then the frame is freed)",
    transfer_title = "symmetric transfer (await_suspend returned its handle)",
    state = "state",
    at = "at",
    promise = "promise",
    awaiter = "awaiter",
    resumed_by = "resumed by",
    inferred = "inferred",
    inferred_title = "the traced program cannot see this event; it follows from the events "
      .. "it saw",
  },
  usage = {    -- corolab --help, and a command line it cannot run
    head = "usage: %s [options] [script [args]]\nAvailable options are:",
    execute = "execute string 'stat'",
    interactive = "enter interactive mode after executing 'script'",
    require = "require library 'mod' into global 'mod'",
    require_as = "require library 'mod' into global 'g'",
    version = "show version information",
    help = "show this help",
    tour = "start the explorer with its guided tour",
    predict = "start the explorer stepping LESSON as a quiz",
    diff = "run scripts A and B (or play records, A.json) and show their events side by side",
    lang = "the language of the explorer (default: from LC_ALL, LC_MESSAGES or LANG)",
    order = "do as g++ 12 or clang 14 where C++ leaves an order unspecified (default: g++)",
    trace = "print every lifecycle event as it happens",
    export = "write the recorded run at exit (%s)",
    last = "stop handling options",
    stdin = "stop handling options and execute stdin",
    unrecognized = "unrecognized option '%s'",
    argument_needed = "an argument is needed after '%s'",
    two_scripts = "two scripts are needed after '%s'",
    play = "play a run record (corolab/trace.hpp's, or --export record's)",
    play_alone = "a record plays alone: '%s' cannot run beside --play",
  },
  orders = {   -- the orders C++ leaves unspecified (coro.unspecified): what, then what g++
               -- 12 does and what clang 14 does there (ui.unspecified_note says them)
    argument_order = {"the order in which a call's arguments are evaluated",
      "evaluates them last to first", "first to last"},
    unsequenced_co_await = {"the order of the co_awaits of one expression's unsequenced "
      .. "operands, as in co_await a + co_await b",
      "makes every operand first, then suspends at each co_await in turn, then calls their "
      .. "await_resume in order",
      "evaluates each co_await whole (its operand, its suspension, its await_resume), first "
      .. "to last"},
    parameter_destruction = {"the order in which the parameter copies are destroyed",
      "destroys them in the order of the parameters", "in the reverse order"},
    return_object_destruction = {"when a call that fails after get_return_object destroys "
      .. "its return object",
      "destroys it first, then the coroutine state (~promise_type, ~parameters, operator "
      .. "delete)", "last, after operator delete has freed the frame"},
  },
  words = {},  -- runs a folded line never breaks inside (Chinese words; English has spaces)
}
