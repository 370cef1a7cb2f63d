-- en.lua — the explorer's English words: the explanation of each
-- lifecycle event and the rule it rests on (events: by event kind, and
-- where the meaning depends on the moment, by the record's context; see
-- explain.lua), what each command does (help), the messages a learner
-- meets (ui: string.format patterns) and the tour's text (tour).
-- tr.lua and zh.lua have the same keys.
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
      .. "only the first, '>' only the second. As corolab --diff A.lua B.lua."},
    display = {"show the frame that moved after each stop", "Its state, suspend point, "
      .. "promise and the awaiter it waits on. On at first."},
    log = {"the last N recorded events", "20 at first; each with its arguments and what it "
      .. "returned, e.g. yield_value(1) → suspend_always."},
    trace = {"print every event as it happens", "Indented by resume depth."},
    export = {"write the recorded run to FILE", "chrome: Chrome trace JSON (open it in "
      .. "ui.perfetto.dev); mermaid: a Mermaid sequence diagram; dot: a Graphviz state graph; "
      .. "html: one page that plays the run in a browser, offline (FILE.html#event=N opens "
      .. "at event N)."},
    record = {"how many events the recording keeps", "The last ones; 100000 at first. With "
      .. "N: keep the last N."},
    lessons = {"the lessons, the ones done marked", "Each a short Lua script mirroring a "
      .. "C++20 program; progress is kept in ~/.corolab/progress (or $COROLAB_HOME)."},
    lesson = {"run lesson N", "Up to its first suspension, as :load does."},
    load = {"run lesson NAME and stop at its first suspension", "NAME is its name, number "
      .. "or a unique part of it. At the stop, set breakpoints, then :continue."},
    predict = {"stepping as a quiz", "At each stop, guess the next event from a few "
      .. "choices (a number or the event's name; Tab completes it); the next stop says if "
      .. "it was right, and why. With a lesson NAME: step through it from its first event, "
      .. "guessing."},
    lang = {"English, Türkçe or 中文", "The explorer's language; at first from --lang, else "
      .. "LC_ALL, LC_MESSAGES or LANG."},
    tour = {"a guided tour of about five minutes", "A generator and a task, one event at a "
      .. "time, with :frames, :show, :where, a breakpoint and an export."},
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
    loaded = "loaded %s (:break EVENT, then :continue)",
    lesson = "lesson %s",
    cpp_and_lua = "Lua (coro)",
    lua_after = "Lua (coro), the same program",
    take_away = "take away:",
    lessons_end = "(:lesson N or :load NAME runs one, stopping at its first suspension; "
      .. ":predict NAME steps it as a quiz)",
    no_progress = "(cannot keep the progress in %s)",
    predict_on = "predict is on: at each stop, guess what comes next; :step goes on",
    predict_question = "what happens next?",
    predict_prompt = "guess (a number or a name, Tab completes; Enter: none) ",
    predict_right = "right: %s",
    predict_wrong = "not %s: it is %s (why, below)",
    predict_unlisted = "(%s was not among the choices: no score)",
    predict_unknown = "'%s' is none of the choices: no guess this time",
    predict_score = "predictions: %d right of %d",
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
  },
  tour = {
    title = "corolab tour",
    intro = "every step a C++ compiler generates for a coroutine, one event at a time. Each "
      .. "event is explained the first time it happens.",
    pause = "  [Enter] next, q: run the rest quietly ",
    generator = "1. A generator",
    generator_intro = "A generator's promise type stores each co_yield'ed value. "
      .. "initial_suspend returns suspend_always, so calling range(2) only builds the frame.",
    call = "the call: frame, promise, return object, initial suspend",
    frames = "the live frames, one line each",
    show = "inside the frame: layout, promise, parameters, locals",
    first_resume = "runs the body up to co_yield 0",
    where = "where it stopped, in the code the compiler wraps around the body",
    read = "the consumer reads the value from the promise",
    ["break"] = "a breakpoint: stop before the next yield_value is called",
    stop_resume = "on to co_yield 1; the breakpoint stops it",
    at_stop = "At the stop the prompt sees ev (the event), h (the handle) and p (the "
      .. "promise). The tour types a line for you, then :continue.",
    value = "the value on its way, and the one the promise still holds",
    delete = "the tour's breakpoint is no longer needed",
    last_resume = "off the end: return_void, final suspend",
    done = "suspended at the final suspend point",
    destroy = "the frame dies",
    task = "2. A task awaiting a task",
    task_intro = "A task is lazy too. co_await inner() starts inner by symmetric transfer; "
      .. "inner's final awaiter transfers back to outer, the coroutine that awaited it.",
    task_call = "lazy: suspended at its initial suspend point",
    task_step = "resume it event by event: the tour types :step at the first stops, then "
      .. ":continue; outer awaits inner: transfer, and back",
    task_value = "the result, read while it waits at its final suspend point",
    export = "the whole run, as a page that plays it",
    exported = "Open %s in a browser: it plays the run again, offline (← → step, space "
      .. "plays; a slider, the frames, the wrapper's cursor, the source line at each event).",
    closing = "That was the whole lifecycle. Now explore on your own: :step h walks a "
      .. "coroutine event by event, :break EVENT stops in one, :where shows the wrapper, "
      .. ":frames and :show look at frames.",
    next = "Next: :lessons lists the lessons, one concept each (:lesson 1 starts the first); "
      .. ":help lists all.",
  },
}
