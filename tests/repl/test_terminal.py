"""test_terminal.py — end-to-end tests of corolab in a real terminal (tmux).
Run one: python3 test_terminal.py BINARY TEST_NAME (ctest runs each)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from tmuxterm import Terminal

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures.lua")
PROMPT = r"^>\s*$"                  # an empty prompt (tmux trims the space)
PROMPT_LINE = r"^>(?!>)"              # a prompt line, typed on or not


def corolab(binary, *args, env=None):
    return Terminal([binary] + list(args), env=env, cwd=HERE)


def prompt_after(t, n):
    """the n-th prompt (of the first level) has appeared"""
    t.wait_count(PROMPT_LINE, n)


def test_banner(binary):
    with corolab(binary) as t:
        t.wait(r"New here\? Type :tour")
        t.wait(PROMPT)
        assert "\x1b[" in t.screen(escapes=True), "no colour on a terminal"
    with corolab(binary, env={"NO_COLOR": "1"}) as t:
        t.wait(r"New here\? Type :tour")
        t.wait(PROMPT)
        assert "\x1b[" not in t.screen(escapes=True), "colour despite NO_COLOR"


def test_expression(binary):
    with corolab(binary) as t:
        t.wait(PROMPT)
        t.line("1 + 2")
        t.wait(r"^3$")
        t.line("=6 * 7")
        t.wait(r"^42$")
        t.line("x = {a = {b = 'deep'}}")
        t.line("x.a.b, #x")
        t.wait(r"^deep\s+0$")


def test_multiline(binary):
    with corolab(binary) as t:
        t.wait(PROMPT)
        t.line("for i = 1, 3 do")
        t.wait(r"^>>\s*$")                      # the second prompt: incomplete
        t.line("  print('row', i * 10)")
        t.line("end")
        t.wait(r"^row\s+30$")
        assert t.count(r"^row\s+\d+$") == 3, t.screen()
        t.line("_PROMPT, _PROMPT2 = 'cl$ ', 'cl+ '")
        t.wait(r"^cl\$\s*$")
        t.line("print(")
        t.wait(r"^cl\+\s*$")
        t.line("'custom prompts')")
        t.wait(r"^custom prompts$")


def test_completion(binary):
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line("t = {alpha = {beta = 1}}")
        t.type("driv")
        t.keys("Tab")
        t.wait(r"^> driver$")                 # a global
        t.keys("C-u")
        t.type("t.alpha.be")
        t.keys("Tab")
        t.wait(r"^> t\.alpha\.beta$")         # a table field
        t.keys("C-u")
        t.type("coro.from_addr")
        t.keys("Tab")
        t.wait(r"^> coro\.from_address$")     # a global table's field
        t.keys("C-u")
        t.line("g = range(2)")
        t.type("g.h:des")
        t.keys("Tab")
        t.wait(r"^> g\.h:destroy$")           # a handle method
        t.keys("C-u")
        t.type(":fra")
        t.keys("Tab")
        t.wait(r"^> :frames\s*$")               # an explorer command
        t.keys("C-u")
        t.type(":break await_su")
        t.keys("Tab")
        t.wait(r"^> :break await_suspend$")   # an event name


def test_history(binary):
    keep = tempfile.mkdtemp(prefix="corolab-history-")
    history = os.path.join(keep, "history")
    with corolab(binary, env={"COROLAB_HISTORY": history}) as t:
        t.wait(PROMPT)
        t.line("remembered = 31337")
        prompt_after(t, 2)
        assert "remembered = 31337" in open(history).read()  # at once, not at exit
        t.keys("C-d")
        t.wait(r"\[exit 0\]")
    second = corolab(binary, env={"COROLAB_HISTORY": history})
    with second as t:
        t.wait(PROMPT)
        t.keys("Up")
        t.wait(r"^> remembered = 31337$")
        t.keys("Enter")
        t.line("remembered + 1")
        t.wait(r"^31338$")
    shutil.rmtree(keep)


def test_ctrl_c_cancels_line(binary):
    with corolab(binary) as t:
        t.wait(PROMPT)
        t.type("print('never printed')")
        t.keys("C-c")
        prompt_after(t, 2)                     # a fresh prompt, line dropped
        t.line("print('after ' .. 'cancel')")
        t.wait(r"^after cancel$")
        assert t.count(r"^never printed$") == 0, t.screen()


def test_ctrl_c_in_coroutine_body(binary):
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line("s = spin()")
        prompt_after(t, 2)
        t.line("s.h:resume()")                 # loops forever in the body thread
        t.wait(r"^spinning$")                  # the body is running
        t.keys("C-c")
        t.wait(r"interrupted!")
        prompt_after(t, 3)
        t.line("print('still ' .. 'alive')")
        t.wait(r"^still alive$")


def test_ctrl_c_in_step(binary):
    """Ctrl-C while :step runs a spinning body: the step stops at the
    exception the interrupt became, the prompt there works, and leaving it
    says in one line what became of the coroutine"""
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line("s = spin()")
        t.line(":step s")
        t.wait(r"^\(#1 spin resume\) >")
        t.line(":step")
        t.wait(r"^\(#1 spin await_resume\) >")
        t.line(":step")
        t.wait(r"^spinning$")
        t.keys("C-c")
        t.wait(r"^(\^C)?step +\d+ throw\(\"interrupted!\"\) +#1 spin +@ ")   # the error's value
        t.wait(r"^\(#1 spin throw\) >")
        t.line("coro.info(s.h).state")         # the stop's prompt still works
        t.wait(r"^running$")
        t.line(":continue")
        t.wait(r"^corolab: interrupted! \(#1 spin was running; it is now suspended at its "
               r"final suspend point, done")
        t.wait(PROMPT)
        screen = t.screen()
        assert "error in an observer" not in screen, screen
        assert t.count(r"interrupted!") == 2, screen   # the throw event, the report
        t.line("coro.info(s.h).state")
        t.wait(r"^suspended_final$")


def test_ctrl_c_at_continue(binary):
    """Ctrl-C after :continue from a breakpoint: one line, no warnings"""
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line(":break resume")
        t.line("s = spin()")
        t.line("s.h:resume()")
        t.wait(r"^\(#1 spin resume\) >")
        t.line(":continue")
        t.wait(r"^spinning$")
        t.keys("C-c")
        t.wait(r"^(\^C)?corolab: interrupted! \(#1 spin was running; it is now suspended "
               r"at its final suspend point, done")
        t.wait(PROMPT)
        screen = t.screen()
        assert "warning" not in screen and "stack traceback" not in screen, screen
        t.line("print('still ' .. 'alive')")
        t.wait(r"^still alive$")


def test_destroy_at_breakpoint(binary):
    """destroy the coroutine at a breakpoint on its suspension, then go on:
    await_suspend is never called, the resume returns, nothing is left"""
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line("g = range(3)")
        t.line(":break suspend")
        t.line("g.h:resume()")
        t.wait(r"^\(#1 range suspend\) >")
        t.line("g.h:destroy()")
        t.line(":continue")
        t.wait(PROMPT)
        t.line(":frames")
        t.wait(r"^no live frames$")
        t.line("g.h:resume()")
        t.wait(r"resume\(\): coroutine #1 'range' was already destroyed")


def test_step_return_objects(binary):
    """:step accepts a coro.generator object as a handle, and :step of a
    coroutine call keeps the return object in _ (and says so)"""
    with corolab(binary) as t:
        t.wait(PROMPT)
        t.line('g = coro.coroutine(coro.generator, function() coro.co_yield(1) end, "gen")()')
        t.line(":step g")
        t.wait(r"^\(#1 gen resume\) >")
        t.line(":continue")
        t.wait(r"^#1 gen is suspended at")
        t.line('t = coro.coroutine(coro.task, function() coro.co_return(5) end, "tk")')
        t.line(":step t()")
        t.wait(r"^\(main operator new\) >")
        t.line(":continue")
        t.wait(r"^coro.task\(handle #2\)  \(the return object, kept in _\)$")
        t.line("_:run()")
        t.wait(r"^5$")
        t.line(":show _")
        t.wait(r"^#2 tk  promise_type task  suspended_final$")


def test_load_lesson(binary):
    """[issue 24] :load stops a lesson at its first event, on a line of its
    own, then at the stops the lesson chose (:continue goes on to the next);
    a breakpoint set at a stop stops in the rest of it"""
    with corolab(binary) as t:
        t.wait(PROMPT)
        t.line(":load 01")
        t.wait(r"^stop +1 operator new +- +\d+ bytes$")
        t.wait(r"^\(main operator new\) >")
        t.line(":continue")
        t.wait(r"^stop +4 get_return_object +#1 range$")
        t.line(":break yield_value")
        for stop in (6, 9, 11):                  # await_ready, return to caller, await_resume
            t.line(":continue")
            t.wait(r"^stop +%d " % stop)
        t.line(":continue")
        t.wait(r"^breakpoint 1 +12 yield_value\(0\) +#1 range")
        t.line(":delete")
        for stop in (33, 35, 40):                # ~locals, final_suspend, destroy
            t.line(":continue")
            t.wait(r"^stop +%d " % stop)
        t.line(":continue")
        t.wait(r"^take away:$")
        t.wait(PROMPT)
        t.line(":frames")
        t.wait(r"^no live frames$")


def test_breakpoint_on_value(binary):
    """a condition on the yielded value (ev.args, the member's arguments:
    the stop is before the call) stops at that yield; h and p at the stop"""
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line("g = range(3)")
        t.line(":break yield_value if ev.args[1] == 2")
        t.line("for i = 1, 3 do g.h:resume() end")
        t.wait(r"^breakpoint 1 +\d+ yield_value\(2\) +#1 range")
        t.line("p.current, h:done()")
        t.wait(r"^1\s+false$")                  # yield_value(2) not called yet
        t.line(":continue")
        t.wait(PROMPT)
        t.line("g.h:promise().current")
        t.wait(r"^2$")


def test_step_task_lesson(binary):
    """:step through the task lesson: values on the events and the
    explanation that fits each moment (a transfer's resume is not a
    resume(); the locals die after co_return)"""
    with corolab(binary) as t:
        t.wait(PROMPT)
        t.line(":break return_value")
        t.line(":load task")
        t.wait(r"^\(main operator new\) >")
        for _ in range(10):                      # the lesson's stops before it
            if re.search(r"^breakpoint 1 +\d+ return_value\(42\)", t.screen(), re.M):
                break
            n = t.count(r"^\(#?\w+ ?\w* [^)]*\) >")
            t.line(":continue")
            t.wait_count(r"^\(#?\w+ ?\w* [^)]*\) >", n + 1)
        t.wait(r"^breakpoint 1 +\d+ return_value\(42\) +#2 inner")
        t.wait(r"The coroutine runs because another one's await_suspend returned its handle")
        t.wait(r"\[stmt.return.coroutine\]/2")
        for _ in range(2):
            n = t.count(r"^\(#\d+ \w+ [^)]*\) >")
            t.line(":step")
            t.wait_count(r"^\(#\d+ \w+ [^)]*\) >", n + 1)
        t.wait(r"After co_return, the body's locals die")
        t.line(":delete")
        for _ in range(10):                      # the rest of its stops
            if re.search(r"^outer gave\s+84$", t.screen(), re.M):
                break
            t.line(":continue")
        t.wait(r"^outer gave\s+84$")


def test_bad_handles(binary):
    """a dead handle, the null handle, noop_coroutine() and a number that is
    no frame: one line each in a real terminal, and the prompt goes on"""
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line("g = range(1); h = g.h; h:destroy()")
        t.line(":show h")
        t.wait(r"^corolab: h: coroutine #1 'range' was already destroyed")
        t.line(":step coro.null")
        t.wait(r"^corolab: coro.null: the coroutine_handle is null")
        t.line(":where coro.noop_coroutine()")
        t.wait(r"is noop_coroutine\(\): a handle with no frame of its own")
        t.line(":show 7")
        t.wait(r"^corolab: no live frame #7 \(:frames lists them\)$")
        assert "traceback" not in t.screen()
        t.line("print('alive')")
        t.wait(r"^alive$")


def test_predict(binary):
    """[issue 24] :predict in a real terminal: the quiz asks only at the
    lesson's chosen stops; a guess moves on by itself (no :step), right by
    number, right by a name completed with Tab, wrong with why it cannot
    come next and the rule, the score as it goes; Ctrl-D ends the quiz and
    the run goes on to its score. In Turkish too."""
    guess = r"^guess \(a number or a name, Tab completes; Enter: skip\)"
    with corolab(binary) as t:
        t.wait(PROMPT)
        t.line(":predict 03")
        t.wait(r"^stop +1 operator new")
        t.wait(r"what happens next\?  1\) parameter copies   2\) "
               r"get_return_object_on_allocation_failure   3\) promise_type$")
        t.wait(guess)
        t.line("1")                              # right, and on by itself
        t.wait(r"right: parameter copies  \(1 right of 1\)$")
        t.wait(r"^step +2 parameter copies")
        t.wait(r"^stop +9 return to caller +#1 outer")   # no question at 3..8
        t.wait(r"1\) destroy   2\) operator new   3\) resume$")
        assert t.count(r"what happens next\?") == 2, t.screen()
        t.type("res")
        t.keys("Tab")
        t.wait(guess + r".*resume$")             # completed from the choices
        t.keys("Enter")
        t.wait(r"right: resume  \(2 right of 2\)$")
        t.wait(r"^stop +12 +operator new")
        t.wait(r"1\) promise_type   2\) parameter copies   3\) "
               r"get_return_object_on_allocation_failure$")
        t.line("3")                              # wrong: why, and the rule
        t.wait(r"not get_return_object_on_allocation_failure: it is parameter copies  "
               r"\(2 right of 3\)$")
        t.wait(r"why not: get_return_object_on_allocation_failure is called only when")
        t.wait(r"\[dcl.fct.def.coroutine\]/10, /13.$")
        t.wait(guess)
        t.keys("C-d")                            # no more questions: on to the end
        t.wait(r"no more questions; the run goes on")
        t.wait(r"^predictions: 2 right of 3$")
        t.wait(PROMPT)
        t.line("print('still ' .. 'here')")      # a Lua prompt again
        t.wait(r"^still here$")
    with corolab(binary, "--lang", "tr") as t:
        t.wait(PROMPT)
        t.line(":predict 01")
        t.wait(r"sırada ne olacak\?  1\) parameter copies")
        t.line("3")
        t.wait(r"promise_type değil: doğrusu parameter copies  \(0 doğru, toplam 1\)$")
        t.wait(r"neden olamaz: promise, kurucusu kopyaları alabilsin diye")
        t.wait(r"\[dcl.fct.def.coroutine\]/13.$")


def test_languages(binary):
    """--lang tr and --lang zh explain a step in that language, folded to
    the terminal's width (Chinese by display width: two columns a
    character); :lang switches, and a language without a catalogue is
    refused"""
    for lang, words in (("tr", "devam ettiriyor"), ("zh", "恢复协程")):
        with corolab(binary, "--lang", lang, "-i", FIXTURES) as t:
            t.wait(PROMPT)
            t.line("g = range(2)")
            t.line(":step g")
            t.wait(words)
            lines = [l for l in t.screen().splitlines() if l.startswith("     ")]
            assert lines and all(len(l) + sum(0x2E80 <= ord(c) <= 0xFF60 for c in l) <= 80
                                 for l in lines), lines
            t.line(":continue")
            t.line(":lang en")
            t.wait(r"^language: en$")
            t.line(":lang fr")
            t.wait(r"no language 'fr': en, tr, zh")


# what each language's screens say (explorer/text/LANG.lua), in a real terminal
SCREENS = {
    "tr": {"help": r"^corolab komutları$", "help_line": r"^  :frames +canlı frame'ler",
           "frames": r"^  id  coroutine  promise türü  durum +askıda olduğu yer +son devam "
                     r"ettiren$",
           "state": r"^  #1  range +generator +ilk noktada askıda +ilk askıya alma noktası +-$",
           "show": [r"^frame +\d+ bayt, operator new'un aldığı  konum: 0x",
                    r"^yerleşim +\+0 +resume +devam fonksiyonu: h\.resume\(\)'un atladığı yer$",
                    r"^parametreler +n = 2$", r"^yer +ilk askıya alma noktası; son devam "
                    r"ettiren: -$"],
           "break": r"^breakpoint 1: yield_value$",
           "stop": r"^breakpoint 1 +\d+ yield_value\(0\) +#1 range +@ ",
           "explained": r"co_yield v, co_await promise\.yield_value\(v\) demektir",
           "display": r"^  #1 range  çalışıyor  konum: \S+fixtures\.lua:10  promise \{\}$",
           "where": [r"^#1 range, \d+ numaralı olayda: yield_value\(0\)  @ ",
                     r"// buradan sona akmak frame'i yok eder$",
                     r"^devam ettirme zinciri: main devam ettirdi: #1 range$"],
           "deleted": r"^breakpoint 1 silindi$"},
    "zh": {"help": r"^探索器命令$", "help_line": r"^  :frames +存活的协程状态，每个一行$",
           "frames": r"^  编号  协程   承诺类型   状态 +挂起位置 +最近恢复者$",
           "state": r"^  #1    range  generator  初始挂起 +初始挂起点 +-$",
           "show": [r"^协程状态 +\d+ 字节，即 operator new 分配的大小  位于 0x",
                    r"^布局 +\+0 +resume +恢复函数：h\.resume\(\) 跳转的位置$",
                    r"^形参 +n = 2$", r"^位置 +初始挂起点；最近恢复者：-$"],
           "break": r"^断点 1：yield_value$",
           "stop": r"^断点 1 +\d+ yield_value\(0\) +#1 range +@ ",
           "explained": r"co_yield v 就是 co_await promise\.yield_value\(v\)",
           "display": r"^  #1 range  运行中  位于 \S+fixtures\.lua:10  承诺对象 \{\}$",
           "where": [r"^#1 range 位于事件 \d+：yield_value\(0\)  @ ",
                     r"// 执行到这里的末尾会销毁协程状态$", r"^恢复链：main 恢复了 #1 range$"],
           "deleted": r"^断点 1 已删除$"},
}


def test_screens_in_language(binary):
    """[issue 24] --lang tr and --lang zh in a real terminal: :help, :frames
    (headers, the state in words), :show (layout lines), a breakpoint stop
    and its frame, :where (the wrapper's comments, the resume chain) and
    :delete answer in that language, as its catalogue says"""
    for lang, say in SCREENS.items():
        with corolab(binary, "--lang", lang, "-i", FIXTURES, env={"NO_COLOR": "1"}) as t:
            t.wait(PROMPT)
            t.line(":help")
            t.wait(say["help"])
            t.wait(say["help_line"])
            t.line("g = range(2)")
            t.line(":frames")
            t.wait(say["frames"])
            t.wait(say["state"])
            t.line(":show g")
            for pattern in say["show"]:
                t.wait(pattern)
            t.line(":break yield_value")
            t.wait(say["break"])
            t.line("g.h:resume()")
            t.wait(say["stop"])
            t.wait(say["explained"])
            t.wait(say["display"])
            t.line(":where")
            for pattern in say["where"]:
                t.wait(pattern)
            t.line(":continue")
            t.line(":delete 1")
            t.wait(say["deleted"])


def test_breakpoint_nested_resume(binary):
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line(":break yield_value if depth > 0")
        t.wait(r"^breakpoint 1: yield_value if depth > 0$")
        t.line("d = driver()")
        t.line("d.h:resume()")
        t.wait(r"^breakpoint 1 .*yield_value")
        t.wait(r"^\(#\d+ range yield_value\) >\s*$")  # the nested prompt
        t.line("ev.depth, ev.kind")
        t.wait(r"^1\s+yield_value$")            # any Lua, inside the event
        t.line(":where")
        t.wait(r"^=> +body ")                  # the cursor in the wrapper
        t.wait(r"resume chain: main resumed #\d+ driver -> resumed #\d+ range")
        t.line(":continue")
        t.wait(PROMPT)
        t.line("d.h:promise().current")
        t.wait(r"^0$")


def test_step_whole_generator(binary):
    any_prompt = r"^(\(#\d+ [^)]*\) )?>(?!>)"  # top-level or nested, typed on or not
    with corolab(binary, "-i", FIXTURES) as t:
        t.wait(PROMPT)
        t.line("g = range(1)")
        t.line(":step g")                      # then :step, :step... to the end
        t.wait(r"^step .* resume ")
        for _ in range(100):
            if re.search(r"^#\d+ range is suspended_final", t.screen(), re.M):
                break
            n = t.count(any_prompt)
            t.line(":step")
            t.wait_count(any_prompt, n + 1)
        screen = t.screen()
        walked = re.findall(r"^step +\d+ +([a-z_ ]+?)(?:\(.*?\))? {2,}#", screen, re.M)
        for kind in ("resume", "await_resume", "yield_value", "await_suspend",
                     "return to caller", "return_void", "final_suspend"):
            assert kind in walked, (kind, walked, screen)
        t.line(":step")                        # done: no resume, a warning
        t.wait(r"resuming it would be undefined behaviour")


# the tour in each language: its pause (the prompt after each step), the
# words of its last line, and a line of its first screen
TOURS = {
    "en": (r"\[Enter\] next, q: quiet", "That was the whole lifecycle",
           "The promise type's members are what the compiler calls"),
    "tr": (r"\[Enter\] sonraki, q: sessiz", "Yaşam döngüsünün tamamı buydu",
           "promise türünün üyeleri derleyicinin çağırdıklarıdır"),
    "zh": (r"\[Enter\] 下一步，q：安静运行", "这就是完整的生命周期", "承诺类型的成员就是编译器调用的函数"),
}
MAX_PRESSES, MAX_WORDS = 25, 1100       # five minutes for a reader (README)


def next_pause(t, before, lang="en"):
    """the screen once it has changed and ends at the tour's pause (or its
    end)"""
    pause, end, _ = TOURS[lang]
    def paused(screen):
        lines = [l for l in screen.splitlines() if l.strip()]
        at_pause = lines and re.search(pause + r"\s*$", lines[-1])
        ended = end in screen
        return screen if screen != before and (at_pause or ended) else None
    return t.until("the tour's next pause (%r on its last line) or its end (%r)" % (pause, end),
                   paused)


def words(text):
    """words as a reader reads them: a word a space-separated piece, and a
    Chinese character half a word (reading speeds: some 200 words or 400
    characters a minute)"""
    wide = len(re.findall(r"[\u2e80-\uff60]", text))
    return len(re.sub(r"[\u2e80-\uff60]", " ", text).split()) + wide / 2


def tour_to_end(binary, lang, env=None):
    """the tour run to its end in a terminal, Enter at each pause: the
    number of presses; and its words as a reader meets them: its text (a
    piped run: no pauses) and the pause prompt at each press"""
    pause, end, first = TOURS[lang]
    with corolab(binary, "--lang", lang, env=env) as t:
        t.wait(PROMPT)
        t.line(":tour")
        t.wait(first)
        presses, screen = 0, ""
        while end not in screen:
            screen = next_pause(t, screen, lang)
            if env and env.get("NO_COLOR"):
                assert "\x1b[" not in t.screen(escapes=True), "colour despite NO_COLOR"
            if end not in screen:
                presses += 1
                t.keys("Enter")
        t.wait(r":lessons")
        home = t.home
        page = os.path.join(home, ".corolab", "tour.html")
        assert '<script id="run" type="application/json">{' in open(page).read(), page
        t.line("g == nil, t == nil")             # the tour's globals are its own
        t.wait(r"^true\s+true$")
    with tempfile.TemporaryDirectory() as home:
        p = subprocess.run([binary, "--lang", lang, "-i"], input=":tour\n",
                           capture_output=True, text=True, cwd=HERE,
                           env=dict(os.environ, NO_COLOR="1", COROLAB_HOME=home))
    assert p.returncode == 0 and p.stderr == "", p.stderr
    text = p.stdout.split("> ", 1)[1]            # from the tour's first line
    pause_words = words(re.sub(r"\\", "", pause))
    return presses, words(text) + presses * pause_words


def test_tour(binary):
    """[issue 24] the tour to its end with NO_COLOR, Enter at each pause: no
    colour, at most 25 presses and about 1,000 words (five minutes for a
    reader), the breakpoint's stop and the export on the way, the page
    written; its globals are its own; 'q' runs the rest quietly"""
    presses, count = tour_to_end(binary, "en", env={"NO_COLOR": "1"})
    assert 8 <= presses <= MAX_PRESSES and count <= MAX_WORDS, (presses, count)
    with corolab(binary) as t:                   # q: the rest quietly
        t.wait(PROMPT)
        t.line(":tour")
        t.wait(r"\[Enter\] next")
        t.type("q")
        t.keys("Enter")
        t.wait(r"That was the whole lifecycle")
        t.line(":break")                         # the tour left no breakpoint
        t.wait(r"^no breakpoints")


def test_tour_languages(binary):
    """--lang tr and --lang zh: the tour to its end in that language, at
    most 25 presses and about 1,000 words each; every line of text on the
    first screen (the lines with letters beyond ASCII, but events' lines;
    the code is ASCII) within 80 columns, Chinese two a character"""
    for lang in ("tr", "zh"):
        pause, end, first = TOURS[lang]
        with corolab(binary, "--lang", lang) as t:
            t.wait(PROMPT)
            t.line(":tour")
            t.wait(first)
            t.wait(pause)
            screen = t.screen()
            text = [l for l in screen.splitlines() if any(ord(c) > 127 for c in l)
                    and not re.match(r"^\S+ +\d+ ", l)]      # an event's line is no text
            assert len(text) > 5, screen
            wide = [l for l in text if len(l) + sum(0x2E80 <= ord(c) <= 0xFF60 for c in l) > 80]
            assert not wide, wide
        presses, count = tour_to_end(binary, lang)
        assert 8 <= presses <= MAX_PRESSES and count <= MAX_WORDS, (lang, presses, count)


def test_play_record(binary):
    """[issue 28] corolab --play RECORD on a terminal opens the explorer on
    a real C++20 program's record: the banner, what plays, the prompt;
    :goto walks it at the replay prompt, :where shows the C++ line, and
    Tab completes a file name after :play"""
    record = os.path.join("..", "trace", "programs", "task.record.json")
    with corolab(binary, "--play", record, env={"NO_COLOR": "1"}) as t:
        t.wait(r"^playing \.\./trace/programs/task\.record\.json: 105 events of task\.cpp")
        t.wait(PROMPT)
        t.line(":goto 24")
        t.wait(r"^\(replay 24/105 #1 sum await_suspend\) >\s*$")
        t.line(":where")
        t.wait(r"91 \| int x = co_await a;")
        t.line(":continue")
        t.type(":play ../trace/programs/task.rec")
        t.keys("Tab")
        t.wait(r"^> :play \.\./trace/programs/task\.record\.json\s*$")


def main():
    binary, name = sys.argv[1], sys.argv[2]
    globals()["test_" + name](os.path.abspath(binary))
    print("ok", name)


if __name__ == "__main__":
    main()
