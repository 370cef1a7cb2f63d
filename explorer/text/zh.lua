-- zh.lua — 探索器的中文文字：每个生命周期事件的说明及其依据的标准条款
-- （events：按事件种类；含义取决于时机时，再按记录器给出的上下文，见
-- explain.lua）、每条命令的作用（help）、学习者看到的消息（ui：string.format
-- 格式串，"%2$s" 取第二个值）、导览的文字（tour）、协程状态所处的阶段
-- （states）、运行时自己的文字（runtime）、包装代码的注释（wrapper）、协程
-- 状态的布局（layout）、页面的标签（page）、命令行的用法（usage）、C++ 未规定的
-- 顺序（orders），以及折行时不拆开的词（words）。键与 en.lua 相同。术语：
-- 协程、承诺对象（promise）、协程句柄（handle）、协程状态（frame）、
-- 挂起 / 恢复、等待体（awaiter）、对称转移、断点、生成器、任务。
return {
  events = {
    ["operator new"] =
      "为协程状态分配内存：若承诺类型声明了 operator new(size, args...) 就调用它，否则调用"
      .. "全局 operator new [dcl.fct.def.coroutine]/9。在 C++ 中，size 包含承诺对象、"
      .. "形参副本以及所有跨越挂起点存活的局部变量；Lua 协程体的状态只保存引用，它的局部变量"
      .. "存放在协程体自己的 Lua 线程里。",
    ["get_return_object_on_allocation_failure"] =
      "operator new 返回了 nullptr，而承诺类型声明了 "
      .. "get_return_object_on_allocation_failure()：调用方得到它的结果，协程并不存在 "
      .. "[dcl.fct.def.coroutine]/10。",
    ["parameter copies"] =
      "形参被复制（或移动）到协程状态中，这样即使调用方的实参已经消失，协程体仍能读取它们；"
      .. "引用仍然只是引用 [dcl.fct.def.coroutine]/13。",
    ["promise_type"] =
      "在协程状态中构造承诺对象：若存在接受协程实参的构造函数，则调用 "
      .. "promise_type(args...)，否则调用 promise_type() [dcl.fct.def.coroutine]/5。",
    ["get_return_object"] =
      "promise.get_return_object() 生成调用方得到的值（生成器、任务……）。它只调用一次，"
      .. "且在 initial_suspend 之前，通常通过 coroutine_handle::from_promise(*this) "
      .. "保存协程句柄 [dcl.fct.def.coroutine]/7。",
    ["initial_suspend"] =
      "co_await promise.initial_suspend()：suspend_always 使协程惰性启动（协程体运行前控制权"
      .. "先回到调用方），suspend_never 使其立即执行 [dcl.fct.def.coroutine]/5。",
    ["await_transform"] =
      "承诺类型声明了 await_transform，因此 co_await e 变为 "
      .. "co_await promise.await_transform(e)（初始、最终挂起点和 co_yield 除外）"
      .. "[expr.await]/3.2。",
    ["operator co_await"] =
      "可等待对象通过成员或非成员的 operator co_await 变成等待体（awaiter）[expr.await]/3.3。",
    ["await_ready"] =
      "awaiter.await_ready()：返回 true 表示结果已经就绪，协程根本不挂起；返回 false 表示"
      .. "需要挂起 [expr.await]/5.1。",
    ["suspend"] =
      "协程现在已挂起：恢复点已保存在协程状态中。此后才调用 await_suspend，所以它可以恢复"
      .. "或销毁这个协程 [expr.await]/5.1。",
    ["await_suspend"] =
      "awaiter.await_suspend(h) 得到被挂起协程的句柄。返回 void 表示保持挂起；返回 bool 时 "
      .. "false 表示立即恢复；返回句柄则是对称转移：改为恢复那个协程，栈不会增长 "
      .. "[expr.await]/5.1.1-5.1.3。",
    ["resume"] = {
      ["resume()"] =
        "h.resume() 恢复协程：从保存的恢复点继续执行，先调用它所等待对象的 await_resume "
        .. "[coroutine.handle.resumption]。",
      transfer =
        "另一个协程的 await_suspend 返回了本协程的句柄（对称转移），所以它开始运行：从恢复点"
        .. "继续，恢复方的栈没有增长 [expr.await]/5.1.3。",
      bool =
        "await_suspend 返回了 false：协程在挂起的位置立即恢复，接着调用 await_resume "
        .. "[expr.await]/5.1.2。",
    },
    ["symmetric transfer"] =
      "await_suspend 返回了一个句柄：控制权像尾调用一样直接转到那个协程，栈不增长 "
      .. "[expr.await]/5.1.3；若返回 noop_coroutine()，则回到恢复方。",
    ["return to caller"] = {
      suspended =
        "协程保持挂起，控制权回到调用或恢复它的一方：resume() 返回，或者协程调用返回它的"
        .. "返回对象 [expr.await]/5.1.1。",
      noop =
        "await_suspend 返回了 noop_coroutine()：转移到它什么也不做，控制权回到恢复这条链的"
        .. "一方 [coroutine.noop]。",
      observer =
        "在调用 await_suspend 之前，协程已被（观察者）恢复或销毁；控制权回到调用方。",
    },
    ["await_resume"] = {
      initial =
        "初始挂起点的 awaiter.await_resume()：从此 initial-await-resume-called 为 true，"
        .. "协程体抛出的异常交给 unhandled_exception，而不再传给调用方 "
        .. "[dcl.fct.def.coroutine]/5。",
      body =
        "awaiter.await_resume() 给出 co_await 表达式的值（或抛出异常，此时异常在 co_await "
        .. "处抛出）[expr.await]/5.2。",
      final =
        "最终挂起点的 awaiter.await_resume()：final_suspend 的等待体没有挂起，协程执行到末尾，"
        .. "协程状态随之销毁 [dcl.fct.def.coroutine]/11。",
    },
    ["~awaiter"] = {
      ["co_await"] =
        "等待体是 co_await 表达式的临时对象，在完整表达式结束时被销毁 [class.temporary]/4。",
      destroy =
        "销毁一个挂起的协程：它正在等待的等待体作为未完成的 co_await 的临时对象最先销毁 "
        .. "[dcl.fct.def.coroutine]/11。",
    },
    ["~temporary"] =
      "一个没有被任何 co_await 取走的临时对象（从未被等待的 coro.temporary）在其完整表达式结束"
      .. "时被销毁，后创建的先销毁：完整表达式结束时、错误离开它时，或 destroy() 结束挂起在其中"
      .. "的协程时 [class.temporary]/4。",
    ["yield_value"] =
      "co_yield v 就是 co_await promise.yield_value(v)：承诺对象保存这个值，然后通常挂起，"
      .. "让使用方读取它 [expr.yield]/1。",
    ["return_value"] =
      "co_return v 调用 promise.return_value(v)；之后局部变量销毁，控制转到最终挂起点 "
      .. "[stmt.return.coroutine]/2。",
    ["return_void"] =
      "co_return; 或执行到协程体末尾时调用 promise.return_void()；没有它却执行到末尾是"
      .. "未定义行为 [stmt.return.coroutine]/3。",
    ["throw"] =
      "异常逃出了协程体，被协程隐式的 try 块捕获 [dcl.fct.def.coroutine]/5。",
    ["unhandled_exception"] =
      "catch (...) { promise.unhandled_exception(); }：承诺对象保存异常"
      .. "（std::current_exception()）或重新抛给恢复方；若它抛出，协程不经 final_suspend "
      .. "即结束 [dcl.fct.def.coroutine]/5。",
    ["final_suspend"] =
      "co_await promise.final_suspend()（noexcept）。在此挂起会保留协程状态，done() 为 true，"
      .. "结果可以读取；不挂起则协程状态被销毁 [dcl.fct.def.coroutine]/5, /11。",
    ["destroy"] =
      "h.destroy()：协程在其挂起点被销毁，顺序是：等待中的等待体、由内向外的局部变量、"
      .. "承诺对象、形参副本，最后释放协程状态 [coroutine.handle.resumption], "
      .. "[dcl.fct.def.coroutine]/11。",
    ["~locals"] = {
      ["co_return"] =
        "co_return 之后，协程体的局部变量由内向外销毁，然后才到最终挂起点 "
        .. "[stmt.return.coroutine], [stmt.jump]/2。",
      unwinding =
        "异常离开协程体：栈展开到隐式的 catch 时，局部变量由内向外销毁 [except.ctor]/2。",
      ["flowed off"] =
        "协程体执行到了末尾：局部变量由内向外销毁，然后调用 return_void() "
        .. "[stmt.return.coroutine]/3。",
      destroy =
        "销毁一个挂起的协程：在挂起点存活的局部变量由内向外销毁 [dcl.fct.def.coroutine]/11, "
        .. "[stmt.jump]/2。",
    },
    ["~promise_type"] =
      "承诺对象被销毁：在局部变量之后、形参副本之前 [dcl.fct.def.coroutine]/11。",
    ["~parameters"] =
      "协程状态中的形参副本紧接着承诺对象被销毁 [dcl.fct.def.coroutine]/14。",
    ["~return object"] =
      "在初始 await_resume 之前发生了异常：get_return_object 已经生成的返回对象被销毁，"
      .. "异常传给调用方 [dcl.fct.def.coroutine]/5。",
    ["convert return object"] =
      "get_return_object 的结果不是协程的返回类型：在控制权第一次回到调用方时进行转换 "
      .. "[dcl.fct.def.coroutine]/7。",
    ["operator delete"] =
      "释放协程状态的内存：若承诺类型声明了 operator delete 就调用它，否则调用全局的 "
      .. "[dcl.fct.def.coroutine]/12。",
    ["misuse"] =
      "在 C++ 中这是未定义行为或不合法的程序（恢复正在运行或已结束的协程、重复销毁、缺少"
      .. "承诺对象成员……）。corolab 会阻止它，并指出违反的规则。",
  },
  help = {     -- 列表中的一行，以及 :help NAME 给出的详细说明
    help = {"列出所有命令，或解释其中一条", "给出命令名时：完整说明它的作用。"},
    frames = {"存活的协程状态，每个一行", "每个协程状态的编号、所属协程、承诺类型、"
      .. "当前状态、挂起点，以及最近一次是谁恢复了它。"},
    show = {"查看一个协程状态的内部", "它的内存布局（含偏移量）、承诺对象、形参、"
      .. "局部变量，以及它正在等待的等待体。"},
    step = {"逐个生命周期事件地恢复 h", "每个事件都会停在一个嵌套的提示符下；停下时，"
      .. ":step 继续到下一个事件。'h' 也可以是一次调用，例如 :step range(3)，"
      .. "用来逐步查看协程体开始之前的各个步骤。"},
    ["break"] = {"在 EVENT 发生时停下（断点）", "加上 'if COND' 时，仅当 Lua 表达式 COND "
      .. "成立才停下；COND 中可以使用 kind、frame、other、depth、detail、where、index、ev "
      .. "和 h。不带参数时：列出所有断点。"},
    delete = {"删除第 N 个断点，或全部断点", "编号就是 :break 列出的编号。"},
    continue = {"离开这次停顿，继续运行", "一直运行到下一个断点，或者运行结束。"},
    finish = {"运行到这次恢复返回为止", "离开这次停顿，一直运行到当前所在的这次恢复"
      .. "返回它的调用方，然后在那里停下。"},
    where = {"标准规定的包装代码，带光标", "编译器包裹在协程体外面的代码，光标指向当前"
      .. "步骤（停顿所在的事件，或 h 的最后一个事件），并附上谁恢复了谁的链条。"},
    back = {"在记录的事件中后退 N 步（默认 1 步）", "回放：不会重新执行任何代码。在该事件处，"
      .. "corolab 显示当时实时显示的内容：事件本身、发生变化的协程状态，以及当时的 :frames、"
      .. ":where 和 :show。:step 向前走，:continue 回到实时位置。"},
    ["goto"] = {"跳到编号为 N 的记录事件", "与 :back 相同，跳到编号为 N 的事件（编号见 :log）。"},
    replay = {"跳到第一个记录的事件", "与 :back 相同，从记录的开头开始；:step 每次前进一个事件，"
      .. ":continue 回到实时位置。"},
    diff = {"并排对比两次运行，逐事件对齐", "给出两个脚本时：分别运行（各自有独立的环境）并比较"
      .. "它们的事件；给出两个数字时：比较提示符下的第 N 次和第 M 次运行（每个产生事件的命令行算"
      .. "一次）；都不给时：比较最近的两次运行。事件按"
      .. "种类和协程状态的角色对齐（range#1：range 的第一个协程状态）；'=' 两边都有，'|' 两边都"
      .. "有但值不同，'<' 只在第一个，'>' 只在第二个。FILE.json 是运行记录，会被回放：真实的 C++ "
      .. "程序对照它的 Lua 镜像，协程状态按出现顺序对齐。与 corolab --diff A.lua B.lua 相同。"},
    display = {"每次停下后显示刚变化的协程状态", "它的当前状态、挂起点、承诺对象以及"
      .. "正在等待的等待体。默认开启。"},
    log = {"最近记录的 N 个事件", "默认 20 个；每个事件都带有参数和返回值，例如 "
      .. "yield_value(1) → suspend_always。"},
    trace = {"事件一发生就打印出来", "按恢复的嵌套深度缩进。"},
    error = {"一个错误及其 Lua 调用栈回溯", "停顿处的错误、事件 N 的错误，或者最近记录的"
      .. "错误；在其他地方，错误都以它的值出现：throw(\"...\")。"},
    export = {"把记录下的运行写入 FILE", "chrome：Chrome trace JSON（在 ui.perfetto.dev "
      .. "中打开）；mermaid：Mermaid 时序图；dot：Graphviz 状态图；html：在浏览器中离线回放"
      .. "这次运行的单个页面（FILE.html#event=N 会在第 N 个事件处打开）。"},
    record = {"记录中保留多少个事件", "保留最近的那些，默认 100000 个。给出 N 时："
      .. "保留最近的 N 个。"},
    lessons = {"列出课程，已完成的会标出", "每一课是一段短小的 Lua 脚本，对应一个 "
      .. "C++20 程序；学习进度保存在 ~/.corolab/progress（或 $COROLAB_HOME）中。"},
    lesson = {"运行第 N 课，停在它教学的地方", "与 :load 相同。"},
    load = {"运行课程 NAME，停在它教学的地方", "NAME 可以是课程名、编号，或名字中唯一的一"
      .. "部分。从第一个事件开始，停在本课选定的事件处；其他事件经过时都会显示，每条说明只"
      .. "出现一次。停下时：:continue 前往下一个停顿，:step 前进一个事件，也可以设置断点。"},
    predict = {"以测验的方式单步执行", "给出课程 NAME 时：在它选定的每个停顿处，从几个选项"
      .. "中猜下一个事件（输入编号或事件名；Tab 可补全）；猜完会自动前进，告诉你是否猜对，"
      .. "猜错时说明它为什么不可能紧接着发生；得分随时显示。给出 on 时：每次 :step 停下都"
      .. "会提问。"},
    lang = {"English、Türkçe 或中文", "探索器使用的语言；默认取自 --lang，否则取自 "
      .. "LC_ALL、LC_MESSAGES 或 LANG。"},
    tour = {"约五分钟的引导式导览", "一个生成器和一个任务，每次一个事件，途中用到 :step、"
      .. ":where、一个断点和一次导出，最后指向 :lessons。"},
    order = {"g++ 12 或 clang 14 的选择", "在 C++ 未规定顺序、而 g++ 12 与 clang 14 做法"
      .. "不同的地方，corolab 按其中之一来做：默认按 g++（或按 --order 指定的）。不带参数："
      .. "显示当前的选择，以及每一处这样的顺序和两个编译器各自的做法。由这种选择决定位置的"
      .. "事件在 :trace、:log、停顿处和页面中标有 ‡。"},
    play = {"回放运行记录 FILE", "一次运行的记录：corolab/trace.hpp 为真实的 C++20 程序"
      .. "写下的记录，或 corolab --export record 为脚本写下的记录。它成为当前的运行："
      .. ":log、:goto、:back、:replay、:where、:frames、:show 和 :export 都像对实时运行一样"
      .. "作用于它，而什么也不会运行。程序看不到的事件标为（推断）。与 corolab --play FILE "
      .. "相同。"},
  },
  ui = {
    banner = "%s — 在 %s 中实时观察 C++20 协程的运作机制。",
    welcome = "第一次使用？输入 %s 开始导览，输入 %s 查看命令；coro 已加载。"
      .. "按 Ctrl-D 退出。",
    help_title = "探索器命令",
    help_note = "（命令可用唯一的前缀缩写；h 是一个 Lua 表达式，给出协程句柄、带 h 字段的"
      .. "返回对象，或协程状态的编号）",
    help_end = "其他输入都当作 Lua 执行：表达式会打印出它的值。Ctrl-C 中断，Ctrl-D 离开"
      .. "（在停顿中则是继续运行）。",
    language = "语言：%s",
    step = "单步",
    breakpoint = "断点 %d",
    finished = "已返回",
    lesson = "课程 %s",
    cpp_and_lua = "Lua (coro)",
    lua_after = "Lua (coro)：同一个程序",
    cpp_refused = "g++ 拒绝编译的 C++20（每个错误出现在注释所标明的那一行）",
    take_away = "要点：",
    lessons_end =
      "（:lesson N 或 :load NAME 运行一课，停在它为教学选定的事件处；:predict NAME 把这些"
      .. "停顿变成测验）",
    lesson_stop = "停顿",
    lesson_stops =
      "本课停在为教学选定的事件处；其他事件经过时都会显示，每条说明只出现一次。停下时："
      .. ":continue 前往下一个停顿，:step 前进一个事件；:where 和 :show 查看周围。",
    quiz_stops =
      "测验：在本课选定的每个事件处，猜猜接下来发生什么；猜完会自动前进。其他事件经过时都"
      .. "会显示。Enter 跳过一题，Ctrl-D 结束测验。",
    narrated = "事件",
    narrated_more = "（下一个停顿之前还有事件，未显示：:log 可以列出）",
    no_progress = "（无法在 %s 中保存学习进度）",
    no_script = "无法打开 %s：既没有这个文件，也没有这个名字的内置脚本（:lessons 列出的课程，或对比组之一：%s）",
    which_lesson = "哪一课？:lessons 会列出所有课程",
    no_lesson_number = "没有第 %s 课：课程编号为 1 到 %d（:lessons 会列出它们）",
    lessons_named = "不止一课匹配 '%s'：%s",
    no_lesson_named = "没有名为 '%s' 的课程：%s",
    stops_no_event = "%s：stops：没有事件 '%s'",
    stops_not_occurrence = "%s：stops：不是出现序号：%s",
    predict_question = "接下来会发生什么？",
    predict_prompt = "你的猜测（编号或名称，Tab 补全；Enter：不猜） ",
    predict_prompt_lesson = "你的猜测（编号或名称，Tab 补全；Enter：跳过） ",
    predict_right = "猜对了：%s（猜对 %d 次，共 %d 次）",
    predict_wrong = "不是 %s，而是 %s（猜对 %d 次，共 %d 次）",
    predict_why = "为什么不是：%s",
    predict_left = "不再提问；继续运行",
    predict_unlisted = "（%s 不在选项之中：不计分）",
    predict_unknown = "“%s”不是任何一个选项：请输入 1 到 %d 的编号、名称，或按 Enter",
    predict_score = "预测：猜对 %d 次，共 %d 次",
    -- 命令输出的消息（string.format 格式串）
    unknown_command = "未知命令 :%s（:help 列出所有命令）",
    ambiguous_command = ":%s 有歧义：%s",
    command_missing = "':' 之后需要一个命令名（:help 列出所有命令）",
    usage = "用法：%s",
    switch_usage = "%s on，或 %s off",
    switch_on = "%s 已开启",
    switch_off = "%s 已关闭",
    no_events = "还没有记录任何事件",
    no_event_of_it = "%s 中没有它的事件",
    extent = "%d 个事件",
    extent_dropped = "共 %2$d 个事件中的最后 %1$d 个（之前的 %3$d 个已丢弃：:record N 可以保留"
      .. "更多）",
    log_usage = "log N：最近的 N 个事件，N 为不小于 1 的整数",
    session = "corolab 会话",
    wrote = "已将 %s（%s）写入 %s",
    recording = "记录保留最近的 %d 个事件；现有 %s",
    no_language = "没有语言“%s”：%s",
    export_option = "--export FORMAT=FILE，FORMAT 为 %s 之一；收到的是“%s”",
    unknown_format = "未知的导出格式“%s”：%s",
    alternatives = "%s 或 %s",
    cannot_write = "无法写入导出文件：%s",
    cannot_write_to = "无法把导出写入 %s：%s",
    interrupted = "已中断！（%s）",
    nothing_ran = "当时没有协程在运行",
    ran_destroyed = "%s 当时正在运行；此后它已被销毁",
    ran_now = "%s 当时正在运行；现在它%s",
    ran_done = "%s，已结束：中断作为异常穿过了它的协程体（:show %d 可查看详情）",
    ran_on = "%s，处在一个仍在进行的调用中",
    state_at = "%s（%s）",
    a_co_await = "某个 co_await",
    event = "事件 %s",
    by = "由 %s 恢复",
    from = "来自 %s",
    at = "位于 %s",
    promise = "承诺对象 %s",
    awaiting = "正在等待 %s",
    condition_failed = "断点 %d：条件出错：%s",
    destroyed = "已销毁",
    frame_is = "%s：%s",
    kept_in_underscore = "（返回对象，保存在 _ 中）",
    resume_undefined = "%s；再恢复它是未定义行为",
    step_what = "单步执行什么？:step h（一个句柄，或协程状态的编号）",
    step_gone = ":step 最近恢复的那个协程状态已经不存在了",
    not_stopped = "%s：当前没有停在任何事件中（没有命中断点，也没有 :step）",
    no_breakpoints = "没有断点",
    hits = "命中 %d 次",
    no_event_kind = "没有事件“%s”；事件有：%s",
    too_deep = "(condition)：嵌套太深，Lua 的解析器无法处理（%s）",
    bad_condition = "无法使用这个条件：%s",
    breakpoint_set = "断点 %d：%s",
    all_deleted = "所有断点已删除",
    deleted = "断点 %d 已删除",
    no_breakpoint = "没有断点 %s",
    argument = "参数",
    no_live_frame = "没有存活的协程状态 #%d（:frames 列出它们）",
    not_a_handle = "%s 不是协程句柄，不是持有句柄的返回对象，也不是协程状态的编号",
    not_a_handle_but = "%s 是 %s，不是协程句柄，不是持有句柄的返回对象，也不是协程状态的编号",
    which_frame = "哪个协程状态？请给出一个句柄或协程状态的编号",
    noop_handle = "%s 是 noop_coroutine()：一个没有自己协程状态的句柄；done() 为 false，"
      .. "resume() 和 destroy() 什么也不做",
    by_transfer = "%s（转移）",
    col_id = "编号",
    col_coroutine = "协程",
    col_promise_type = "承诺类型",
    col_state = "状态",
    col_at = "挂起位置",
    col_resumed_by = "最近恢复者",
    no_live_frames = "没有存活的协程状态",
    row_frame = "协程状态",
    row_layout = "布局",
    row_promise = "承诺对象",
    row_params = "形参",
    row_locals = "局部变量",
    row_awaiter = "等待体",
    row_where = "位置",
    none = "（无）",
    frame_size = "%d 字节，即 operator new 分配的大小",
    size_unknown = "大小未知",
    last_resumed_by = "%s；最近恢复者：%s",
    bytes = "%d 字节",
    replay = "回放",
    replay_dropped = "（记录已丢弃之前的事件；现在位于事件 %d，即保留下来的最早事件）",
    back_usage = "back N：后退 N 个事件，N 为不小于 1 的整数",
    goto_usage = "goto N：编号为 N 的事件（编号见 :log）",
    no_such_event = "没有事件 %d：记录中有 %s（编号 %d 到 %d）",
    replay_end = "这是最后一个记录的事件：回到实时位置",
    no_frame_then = "事件 %2$d 时没有协程状态 #%1$d（:frames 列出当时存活的协程状态）",
    at_event_then = "（位于事件 %d；:continue 回到现在）",
    where_title = "%s 位于事件 %d：%s",
    chain = "恢复链：%s",
    chain_idle = "恢复链：现在没有任何东西在运行",
    chain_called = "调用了 %s",
    chain_resumed = "恢复了 %s",
    chain_destroyed = "销毁了 %s",
    chain_transferred = "转移到 %s",
    error_usage = "error N：事件 N 的错误（编号见 :log）",
    error_none = "还没有记录任何错误",
    error_not_error = "事件 %d 是 %s，不是错误：throw 和 unhandled_exception 才带有错误",
    error_of = "事件 %d 的错误 %s，及其 Lua 调用栈回溯：",
    diff_too_many = "要对齐的事件太多（%d 和 %d；最多 %d 对）：请比较更短的运行",
    diff_side = "%s：%d 个事件",
    diff_folded = "……还有 %d 个相同的事件……",
    diff_summary = "%d 个相同（其中 %d 个值不同），%d 个只在 %s 中，%d 个只在 %s 中",
    diff_first_value = "第一个不同的值：事件 %d 与事件 %d，%s 对 %s",
    diff_first_step = "第一个只有一方执行的步骤：%2$s 的事件 %1$d，%3$s",
    diff_same = "两次运行逐步完全相同",
    apart_no_memory = "%s：内存不足，无法为运行它创建独立的 Lua 状态",
    apart_not_data = "%s：它的运行结果不只是普通数据，无法比较",
    diff_run = "第 %d 次运行（事件 %d-%d）",
    diff_no_run = "没有第 %d 次运行：%s",
    diff_no_runs_yet = "还没有哪个命令行产生过事件",
    diff_usage = "用法：:diff A.lua B.lua（两个脚本），:diff N M（提示符下的第 N 次和第 M 次"
      .. "运行）或 :diff（最近两次）",
    diff_not_two = "还没有两次运行可以比较：每个产生事件的命令行算一次运行（或者 "
      .. ":diff A.lua B.lua）",
    record_usage = "record N：保留最近 N 个事件，N 为不小于 0 的整数（0：一个也不保留）",
    record_off = "记录已关闭：不再保存任何事件，因此 :log、:where、:back、:goto、:replay、"
      .. ":diff N M 和 :export 都没有新内容，运行以全速进行；:trace、:step 和断点在开启时"
      .. "仍然有效。:record N 重新打开记录",
    record_many = "（本次运行已产生超过 %d 个事件，每一个都被记录：这会拖慢运行并占用内存。"
      .. ":record 0 关闭记录；Ctrl-C 停止运行）",
    goto_outside = "没有事件 %s：记录中有 %s（编号 %d 到 %d）",
    back_first = "（:back %d：此前只记录了 %d 个事件；停在第一个，事件 %d）",
    condition_changed = "断点 %d：它的条件产生了 %d 个事件（恢复、销毁或调用了协程），运行已不再"
      .. "是原来的样子；条件只应查看 ev、h 和 p。已在此处停下",
    -- C++ 未规定顺序的地方（coro.unspecified；:order、--order）
    unspecified_mark = "‡ 按 %s",
    unspecified_note = "‡ 取决于实现：C++ 没有规定%s %s。g++ 12 %s；clang 14 %s。corolab "
      .. "在这里按 %s 的做法（:order、--order）。",
    order_now = "顺序：在 C++ 未规定顺序的地方，corolab 按 %s 的做法",
    order_item = "%s：C++ 没有规定%s %s。g++ 12 %s；clang 14 %s。",
    order_usage = "order g++|clang：在 C++ 未规定顺序的地方，corolab 采用谁的选择：g++ 12 "
      .. "的或 clang 14 的",
    order_option = "--order g++|clang：在 C++ 未规定顺序的地方，corolab 采用谁的选择；不能"
      .. "是 '%s'",
    play_cannot_open = "无法回放 %s：%s",
    play_not_record = "无法回放 %s：它的第一行不是 corolab 运行记录的开头（corolab/trace.hpp "
      .. "和 corolab --export record 写下的那种：docs/record-format.md）",
    play_stopped = "%s：第 %d 行%s；记录在那里被截断或改动过：回放它之前的 %d 个事件",
    play_newer_stopped = "%s 由 %s 写下，比这个 %s 更新：它的第 %d 行%s；回放它之前的 %d "
      .. "个事件",
    play_truncated = "%s 没有结尾：它的程序没有写完（崩溃了，或仍在运行），或者文件被截断；"
      .. "回放其中完整的 %d 个事件",
    play_newer = "%s 由 %s 写下，比这个 %s 更新，但其中没有这个版本不认识的内容：完整回放",
    play_why_json = "不是 JSON（在第 %d 个字符处）",
    play_why_field = "没有有效的 %s 字段",
    play_why_seq = "是事件 %d，而应该是事件 %d",
    play_why_kind = "写的是这个 corolab 不认识的事件：%s",
    play_why_cause = "写的是这个 corolab 不认识的原因：%s",
    play_why_frame = "写的是记录中没有的协程状态 #%d",
    play_why_freed = "是 #%d 在其 operator delete 之后的事件",
    play_why_end = "在记录的最后一行之前就结束了事件列表",
    play_why_footer = "是一个不符合格式的结尾",
    play_why_state = "是 #%2$d 的 %1$s，而它当时%3$s",
    play_why_count = "说有 %s 个事件，而写下的是 %d 个",
    played = "正在回放 %1$s：%3$s 的 %2$d 个事件。:log 列出它们；:replay、:goto N 和 :back "
      .. "在其中前后移动；:where、:frames 和 :show 显示每个时刻；:export 写出它们",
    played_traced = "正在回放 %1$s：由 %4$s 编译的 %3$s 的 %2$d 个事件；程序看不到的事件标为"
      .. "（推断）。:log 列出它们；:replay、:goto N 和 :back 在其中前后移动；:where、:frames "
      .. "和 :show 显示每个时刻；:export 写出它们",
    play_not_live = "正在回放记录：什么也没有运行，所以 :%s 没有可停下的东西；:replay、:goto N "
      .. "和 :back 在记录中移动",
    play_frame_id = "%s：回放的记录中没有句柄；请用编号指明协程状态（:frames 列出它们）",
    inferred_mark = "（推断）",
    inferred_note = "推断：被跟踪的程序看不到这个事件；它是从程序看到的事件推出来的",
    not_recorded = "没有记录",
    diff_unseen = "（略去了 %2$s 的 %1$d 个事件，它们属于被跟踪程序的记录中从不出现的种类：%3$s）",
  },
  tour = {
    title = "corolab 导览",
    intro =
      "一个生成器和一个任务，像 C++ 那样每次运行一个生命周期事件。每种事件只显示一次，关键"
      .. "的附上说明。",
    pause = "  [Enter] 下一步，q：安静运行 ",
    generator = "1. 生成器",
    generator_intro =
      "承诺类型的成员就是编译器调用的函数。initial_suspend 返回 suspend_always，所以 "
      .. "range(2) 只建立协程状态。",
    call = "调用：建立协程状态并初始挂起",
    step = "逐个事件恢复：先 :step，再 :continue",
    where = "在编译器包裹协程体的代码中，它停在哪里",
    ["break"] = "在下一次调用 yield_value 之前停下",
    stop_resume = "继续到 co_yield 1；断点让它停下",
    at_stop = "停下时，ev 是事件，h 是协程句柄，p 是承诺对象。",
    value = "传递中的值与承诺对象仍存的值",
    last_resume = "执行到末尾：return_void，然后到达最终挂起点",
    destroy = "所有者结束协程状态",
    task = "2. 任务等待任务",
    task_intro =
      "coro.task 同样是惰性启动的：co_await inner() 通过对称转移启动 inner，inner 的最终等"
      .. "待体再转移回 outer。",
    task_call = "挂起在初始挂起点",
    task_run = "把 outer 运行到结束",
    task_close = "销毁协程状态",
    export = "把整个运行过程写成一个可以回放的页面",
    exported =
      "在浏览器中打开 %s：它会离线回放这次运行，显示包装代码中的光标、各个协程状态和每个事"
      .. "件的源代码行。",
    closing =
      "这就是完整的生命周期。下一步：:lessons 列出所有课程，每课讲一个概念（:lesson 1 开始"
      .. "第一课）；:help 列出全部命令。",
    folded = "（另有 %d 个事件，种类如上）",
  },
  -- predict：在每个事件之后，:predict 提供的每个选项（“事件 > 选项”）
  -- 为什么不可能紧接着发生，并给出依据的条款
  predict = {
    ["await_ready > await_resume"] =
      "只有 await_ready 返回 true 时 await_resume 才紧随其后；它返回了 false，所以协程先挂"
      .. "起 [expr.await]/5.1。",
    ["await_ready > await_suspend"] =
      "await_suspend 只在协程挂起之后调用：挂起发生在 await_ready 和 await_suspend 之间 "
      .. "[expr.await]/5.1。",
    ["await_ready > suspend"] =
      "只有 await_ready 返回 false 时协程才挂起；它返回了 true，所以紧接着调用 "
      .. "await_resume [expr.await]/5.1。",
    ["await_resume > return_value"] =
      "await_resume 之后协程体继续：只有遇到带值的 co_return 才调用 return_value，而临时等"
      .. "待体先销毁 [stmt.return.coroutine]/2。",
    ["await_resume > yield_value"] =
      "await_resume 之后协程体继续：只有遇到 co_yield 才调用 yield_value，而临时等待体先销"
      .. "毁 [expr.yield]/1、[class.temporary]/4。",
    ["await_resume > ~awaiter"] =
      "只有临时的等待体才在其 co_await 结束时销毁；否则协程体接着执行下一条语句 "
      .. "[class.temporary]/4。",
    ["await_resume > ~promise_type"] =
      "只有在最终挂起点、final_suspend 的等待体不挂起时，协程状态才紧接着 await_resume 销"
      .. "毁；在协程体中，co_await 结束后协程体继续 [dcl.fct.def.coroutine]/11。",
    ["await_suspend > await_resume"] =
      "await_resume 从不直接跟在 await_suspend 之后：协程要先被恢复，由持有句柄的一方恢复"
      .. "，或因 await_suspend 返回 false 而恢复 [expr.await]/5.1。",
    ["await_suspend > resume"] =
      "只有 await_suspend 返回 false 时协程才立即恢复 [expr.await]/5.1.2。",
    ["await_suspend > return to caller"] =
      "只有 await_suspend 返回 void、true 或 noop_coroutine() 时，控制权才回到调用方或恢复"
      .. "方 [expr.await]/5.1.1。",
    ["await_suspend > symmetric transfer"] =
      "只有 await_suspend 返回协程句柄时才发生对称转移；接下来运行的就是那个协程 "
      .. "[expr.await]/5.1.3。",
    ["await_transform > await_ready"] =
      "await_transform 返回的对象若有 operator co_await，要先经过它 [expr.await]/3.3。",
    ["await_transform > operator co_await"] =
      "只有可等待对象带有成员或非成员的 operator co_await 时才会调用它；这个对象本身就是等"
      .. "待体 [expr.await]/3.3。",
    ["await_transform > suspend"] =
      "co_await 只有在 await_ready 返回 false 之后才会挂起 [expr.await]/5.1。",
    ["destroy > ~awaiter"] =
      "只有协程正在等待一个临时等待体时，destroy() 才先销毁等待体；这里它没有在等待 "
      .. "[dcl.fct.def.coroutine]/11。",
    ["destroy > ~locals"] =
      "destroy() 按顺序结束挂起点上存活的东西：它等待的等待体、局部变量，然后是承诺对象 "
      .. "[dcl.fct.def.coroutine]/11。",
    ["destroy > ~promise_type"] =
      "destroy() 先销毁协程等待的等待体和它的局部变量，再销毁承诺对象 "
      .. "[dcl.fct.def.coroutine]/11。",
    ["final_suspend > await_ready"] =
      "co_await promise.final_suspend() 先问其等待体的 await_ready [expr.await]/5.1。",
    ["final_suspend > destroy"] =
      "先等待 final_suspend 的等待体；等待体不挂起时协程状态随即销毁，否则稍后由 "
      .. "destroy() 销毁 [dcl.fct.def.coroutine]/11。",
    ["final_suspend > suspend"] =
      "最终的 co_await 也是 co_await：在任何挂起之前先问 await_ready "
      .. "[dcl.fct.def.coroutine]/5、[expr.await]/5.1。",
    ["get_return_object > convert return object"] =
      "get_return_object 的结果要在控制权第一次回到调用方时（initial_suspend 之后）才转换"
      .. "成返回类型 [dcl.fct.def.coroutine]/7。",
    ["get_return_object > initial_suspend"] =
      "除非 get_return_object 抛出异常，接下来就是 initial_suspend；若抛出，异常交给调用方"
      .. " [dcl.fct.def.coroutine]/5、/7。",
    ["get_return_object > return to caller"] =
      "调用方要到第一次挂起或协程结束时才收回控制权：先执行 co_await "
      .. "promise.initial_suspend() [dcl.fct.def.coroutine]/5。",
    ["initial_suspend > await_ready"] =
      "除非 initial_suspend 抛出异常，co_await promise.initial_suspend() 接着调用其等待体"
      .. "的 await_ready [expr.await]/5.1。",
    ["initial_suspend > await_transform"] =
      "初始挂起点从不应用 await_transform，它只作用于协程体中的 co_await "
      .. "[expr.await]/3.2。",
    ["initial_suspend > suspend"] =
      "是否挂起要先问：initial_suspend 所返回等待体的 await_ready 在任何挂起之前调用 "
      .. "[expr.await]/5.1。",
    ["initial_suspend > ~return object"] =
      "只有 initial_suspend 抛出异常时返回对象才在此销毁：在初始 await_resume 之前，异常交"
      .. "给调用方 [dcl.fct.def.coroutine]/5。",
    ["operator co_await > await_ready"] =
      "除非 operator co_await 抛出异常，接着调用它给出的等待体的 await_ready "
      .. "[expr.await]/5.1。",
    ["operator co_await > await_resume"] =
      "await_resume 要在 await_ready 返回 true 之后，或在协程挂起又被恢复之后才调用；先问 "
      .. "await_ready [expr.await]/5.1。",
    ["operator co_await > suspend"] =
      "co_await 只有在 await_ready 返回 false 之后才会挂起 [expr.await]/5.1。",
    ["operator new > get_return_object_on_allocation_failure"] =
      "只有 operator new 返回 nullptr 时才会调用 get_return_object_on_allocation_failure；"
      .. "这里协程状态已经分配，形参随后被复制进去 [dcl.fct.def.coroutine]/10、/13。",
    ["operator new > parameter copies"] =
      "只有 operator new 给出内存之后，形参才会被复制进协程状态；它返回了 nullptr，因此改"
      .. "由 get_return_object_on_allocation_failure() 回应调用方 "
      .. "[dcl.fct.def.coroutine]/10。",
    ["operator new > promise_type"] =
      "承诺对象在形参副本之后构造，这样它的构造函数才能接收这些副本 "
      .. "[dcl.fct.def.coroutine]/13。",
    ["parameter copies > get_return_object"] =
      "get_return_object 是承诺对象的成员，而承诺对象还不存在：要先构造它 "
      .. "[dcl.fct.def.coroutine]/5、/7。",
    ["parameter copies > initial_suspend"] =
      "initial_suspend 要等承诺对象构造完成、get_return_object 生成调用方的结果之后才调用 "
      .. "[dcl.fct.def.coroutine]/5、/7。",
    ["parameter copies > promise_type"] =
      "除非某个副本抛出异常，承诺对象紧接着形参副本构造 [dcl.fct.def.coroutine]/13。",
    ["promise_type > get_return_object"] =
      "除非构造函数抛出异常，承诺对象构造之后接着调用 get_return_object "
      .. "[dcl.fct.def.coroutine]/7。",
    ["promise_type > initial_suspend"] =
      "get_return_object 在 initial_suspend 之前调用 [dcl.fct.def.coroutine]/7。",
    ["promise_type > parameter copies"] =
      "形参在承诺对象构造之前就已复制，这样它的构造函数才能接收副本 "
      .. "[dcl.fct.def.coroutine]/13。",
    ["resume > await_ready"] =
      "await_ready 在挂起之前就问过了；被恢复的协程从它之后继续，调用 await_resume "
      .. "[expr.await]/5.2。",
    ["resume > await_resume"] =
      "被恢复的协程接着完成它挂起时所在的 co_await，所以先调用 await_resume "
      .. "[expr.await]/5.2。",
    ["resume > yield_value"] =
      "被恢复的协程先完成它挂起时所在的 co_await：await_resume 在下一个 co_yield 的 "
      .. "yield_value 之前 [expr.await]/5.2。",
    ["return to caller > destroy"] =
      "控制权返回后运行的是调用方自己的代码：只有有人对句柄调用 destroy()，协程状态才会销"
      .. "毁 [coroutine.handle.resumption]。",
    ["return to caller > operator new"] =
      "控制权返回后运行的是调用方自己的代码：只有它调用某个协程时，才会分配新的协程状态 "
      .. "[dcl.fct.def.coroutine]/9。",
    ["return to caller > resume"] =
      "控制权返回后运行的是调用方自己的代码：只有有人对句柄调用 resume()，协程才会恢复 "
      .. "[coroutine.handle.resumption]。",
    ["return_value > final_suspend"] =
      "局部变量在 return_value 和 final_suspend 之间销毁：co_return 先离开它们的作用域 "
      .. "[stmt.return.coroutine]/2、[stmt.jump]/2。",
    ["return_value > return_void"] =
      "协程只调用 return_value 或 return_void 之一，绝不两者都调用：co_return v 调用的是 "
      .. "return_value [stmt.return.coroutine]/2。",
    ["return_value > ~locals"] =
      "return_value 之后局部变量销毁，然后协程到达最终挂起点 [stmt.return.coroutine]/2。",
    ["return_void > destroy"] =
      "return_void 之后协程到达最终挂起点：接下来是 co_await promise.final_suspend() "
      .. "[dcl.fct.def.coroutine]/5。",
    ["return_void > final_suspend"] =
      "co_return; 之后，局部变量在 final_suspend 之前销毁；只有协程体执行到末尾时，它们才"
      .. "早已销毁 [stmt.return.coroutine]/3。",
    ["return_void > ~locals"] =
      "局部变量已经销毁了：协程体执行到了末尾，它们在 return_void 之前就已销毁 "
      .. "[stmt.return.coroutine]/3。",
    ["suspend > await_resume"] =
      "await_resume 只在协程被恢复之后调用；先用它的句柄调用 await_suspend(h) "
      .. "[expr.await]/5.1。",
    ["suspend > await_suspend"] =
      "除非有人先恢复或销毁了协程，挂起之后接着调用 await_suspend(h) [expr.await]/5.1。",
    ["suspend > return to caller"] =
      "await_suspend 运行之前控制权不会返回：它拿到被挂起协程的句柄，决定接下来运行什么 "
      .. "[expr.await]/5.1。",
    ["symmetric transfer > await_resume"] =
      "转移先恢复另一个协程（它的 resume 事件）；await_resume 是那个协程的，在其后 "
      .. "[expr.await]/5.1.3。",
    ["symmetric transfer > resume"] =
      "接下来恢复的是 await_suspend 返回其句柄的那个协程 [expr.await]/5.1.3。",
    ["symmetric transfer > return to caller"] =
      "转移不会回到调用方：它像尾调用一样，恢复 await_suspend 返回其句柄的那个协程 "
      .. "[expr.await]/5.1.3。",
    ["throw > unhandled_exception"] =
      "栈展开时局部变量先销毁；而在初始 await_resume 之前，异常改为交给调用方 "
      .. "[dcl.fct.def.coroutine]/5。",
    ["throw > ~locals"] = "异常展开协程体时，仍存活的局部变量会被销毁 [except.ctor]/2。",
    ["throw > ~return object"] =
      "只有异常发生在初始 await_resume 之前时返回对象才销毁；协程体已经开始，所以 catch 调"
      .. "用 unhandled_exception [dcl.fct.def.coroutine]/5。",
    ["unhandled_exception > destroy"] =
      "unhandled_exception 返回后协程走向 final_suspend；协程状态只会被 destroy() 销毁，或"
      .. "在执行到末尾时销毁 [dcl.fct.def.coroutine]/5、/11。",
    ["unhandled_exception > final_suspend"] =
      "只有 unhandled_exception 正常返回，后面才是 final_suspend；它抛出了异常，所以协程不"
      .. "经 final_suspend 就结束了 [dcl.fct.def.coroutine]/5。",
    ["unhandled_exception > return to caller"] =
      "unhandled_exception 返回后协程继续：接下来是 co_await promise.final_suspend() "
      .. "[dcl.fct.def.coroutine]/5。",
    ["yield_value > await_ready"] =
      "co_yield v 就是 co_await promise.yield_value(v)：除非 yield_value 抛出异常，接着调"
      .. "用它返回的等待体的 await_ready [expr.yield]/1。",
    ["yield_value > return_value"] =
      "yield_value 并不结束协程：接着等待它的等待体，只有遇到 co_return 才调用 "
      .. "return_value [expr.yield]/1。",
    ["yield_value > suspend"] =
      "co_yield 也是 co_await：在任何挂起之前先问 yield_value 所返回等待体的 await_ready "
      .. "[expr.yield]/1、[expr.await]/5.1。",
    ["~awaiter > return_value"] =
      "co_await 之后协程体执行下一条语句：只有遇到带值的 co_return 才调用 return_value "
      .. "[stmt.return.coroutine]/2。",
    ["~awaiter > yield_value"] =
      "co_await 之后协程体执行下一条语句：只有遇到 co_yield 才调用 yield_value "
      .. "[expr.yield]/1。",
    ["~awaiter > ~locals"] =
      "局部变量在协程体结束时（co_return、执行到末尾、异常）或在 destroy() 中销毁，从最内"
      .. "层开始 [stmt.jump]/2。",
    ["~awaiter > ~promise_type"] =
      "承诺对象只在协程状态销毁时销毁，而局部变量在它之前销毁 [dcl.fct.def.coroutine]/11。",
    ["~locals > final_suspend"] =
      "只有在 co_return 之后，局部变量销毁后才接着 final_suspend；这里它们因别的原因销毁："
      .. "执行到末尾、异常或 destroy() [dcl.fct.def.coroutine]/5。",
    ["~locals > return_void"] =
      "只有协程体执行到末尾时，局部变量销毁后才接着调用 return_void "
      .. "[stmt.return.coroutine]/3。",
    ["~locals > unhandled_exception"] =
      "只有异常离开协程体时，局部变量销毁后才接着调用 unhandled_exception "
      .. "[dcl.fct.def.coroutine]/5。",
    ["~locals > ~promise_type"] =
      "只有在 destroy() 中，承诺对象才紧接着局部变量销毁；否则协程继续走向最终挂起点 "
      .. "[dcl.fct.def.coroutine]/11。",
    ["~parameters > operator delete"] =
      "形参副本一销毁，协程状态的内存就被释放 [dcl.fct.def.coroutine]/12。",
    ["~parameters > return to caller"] =
      "控制权离开之前先释放协程状态的内存：接下来是 operator delete "
      .. "[dcl.fct.def.coroutine]/12。",
    ["~parameters > ~promise_type"] =
      "承诺对象在形参副本之前就已销毁 [dcl.fct.def.coroutine]/14。",
    ["~promise_type > operator delete"] =
      "形参副本在承诺对象之后、协程状态的内存释放之前销毁 [dcl.fct.def.coroutine]/14。",
    ["~promise_type > ~locals"] =
      "局部变量在承诺对象之前就已销毁：协程状态的各部分按创建的逆序销毁 "
      .. "[dcl.fct.def.coroutine]/11。",
    ["~promise_type > ~parameters"] =
      "形参副本紧接着承诺对象销毁 [dcl.fct.def.coroutine]/14。",
  },
  states = {   -- 协程状态所处的阶段（coro.states 的键），用于 :frames 和页面
    prologue = "创建中",
    suspended_initial = "初始挂起",
    suspended = "已挂起",
    suspended_final = "最终挂起",
    running = "运行中",
    destroying = "销毁中",
  },
  runtime = {  -- 运行时在记录中自己写下的文字
    initial_point = "初始挂起点",
    final_point = "最终挂起点",
    initial_awaiter = "initial_suspend 的等待体",
    operand = "co_await 的操作数",
    yield_awaiter = "yield_value 的等待体",
    final_awaiter = "final_suspend 的等待体",
    resume_called = "调用了 resume()",
    transferred = "await_suspend 返回了它的句柄（对称转移）",
    returned_false = "await_suspend 返回了 false",
    returned_void = "await_suspend 返回了 void",
    returned_true = "await_suspend 返回了 true",
    returned_noop = "await_suspend 返回了 noop_coroutine()",
    resumed_before_await_suspend = "在调用 await_suspend 之前已被恢复",
    destroyed_before_await_suspend = "在调用 await_suspend 之前已被销毁",
    state_prologue = "处于创建阶段",
    state_suspended_initial = "挂起在初始挂起点",
    state_suspended = "已挂起",
    state_suspended_final = "挂起在最终挂起点",
    state_running = "正在运行",
    state_destroying = "正在被销毁",
  },
  wrapper = {  -- :where 和页面：包装代码中的注释和伪语句
    operator_new = "或 get_return_object_on_allocation_failure()",
    promise = "若承诺类型的构造函数接受实参，就把实参传给它",
    get_return_object = "在 initial_suspend 之前",
    initial_suspend = "这里没有 await_transform",
    body = "co_await / co_yield / co_return",
    rethrow = "交给调用方；拆除协程状态",
    unhandled_exception = "若它抛出：结束，不调用 final_suspend",
    final_suspend = "noexcept；没有 await_transform",
    ["end"] = "执行到这里的末尾会销毁协程状态",
    operand = "initial_suspend()、final_suspend()、yield_value(v) 或 e",
    await_transform = "在协程体中，若承诺对象有它",
    operator_co_await = "成员或非成员，若存在",
    suspend = "挂起：保存恢复点",
    await_suspend = "void、bool（false：恢复）或一个句柄",
    ["return"] = "回到调用方 / 恢复方，或转移到那个句柄",
    resume_point = "恢复点",
    await_resume = "co_await 表达式的值",
    awaiter_dies = "完整表达式结束",
  },
  layout = {   -- :show：协程状态头部每个字段保存什么
    resume = "恢复函数：h.resume() 跳转的位置",
    destroy = "销毁函数：h.destroy() 跳转的位置",
    promise = "承诺对象",
    state = "挂起点编号、状态、initial-await-resume-called、编号",
    locals = "形参副本，以及跨越挂起点存活的局部变量",
    lua_promise = "对承诺对象表的引用",
    lua_locals = "协程体的 Lua 线程，保存它的局部变量和形参副本",
  },
  page = {     -- 回放一次运行的页面（player.html）
    title = "corolab 运行",
    first_title = "第一个事件（Home）",
    prev_title = "上一个事件（左方向键）",
    play_title = "播放 / 暂停（空格）",
    next_title = "下一个事件（右方向键）",
    last_title = "最后一个事件（End）",
    speed_title = "每秒事件数",
    slider = "事件",
    play = "播放",
    pause = "暂停",
    counter = "第 %d 个事件，共 %d 个",
    events = "事件",
    wrapper = "按标准写出的协程",
    body = "协程体",
    frames = "存活的协程状态",
    keys = "← → 单步 · 空格 播放/暂停 · Home/End · 点击事件即可跳到那里 · 地址（#event=N）"
      .. "跟随当前位置",
    no_explanation = "（这个事件没有说明）",
    no_line = "（还没有协程体的代码行）",
    no_source = "（没有源代码）",
    no_frame = "没有存活的协程状态",
    no_events = "这次运行没有任何事件。",
    idle = "恢复链：没有东西在运行（控制权在 main）",
    chain = "恢复链：%s",
    call = "调用",
    resume = "恢复",
    destroy = "销毁",
    transfer = "转移",
    call_title = "调用（调用方等待它挂起或结束）",
    resume_title = "恢复（恢复方等待它挂起）",
    destroy_title = "销毁（先运行析构函数，再释放协程状态）",
    transfer_title = "对称转移（await_suspend 返回了它的句柄）",
    state = "状态",
    at = "位置",
    promise = "承诺对象",
    awaiter = "等待体",
    resumed_by = "恢复者",
    inferred = "推断",
    inferred_title = "被跟踪的程序看不到这个事件；它是从程序看到的事件推出来的",
  },
  usage = {    -- corolab --help，以及无法执行的命令行
    head = "用法：%s [选项] [脚本 [参数]]\n可用的选项：",
    execute = "执行字符串 'stat'",
    interactive = "执行完 'script' 后进入交互模式",
    require = "把库 'mod' 加载到全局变量 'mod'",
    require_as = "把库 'mod' 加载到全局变量 'g'",
    version = "显示版本信息",
    help = "显示本帮助",
    tour = "启动探索器并开始引导式导览",
    predict = "启动探索器，以测验方式单步执行课程 LESSON",
    diff = "运行脚本 A 和 B（或回放记录 A.json），并排显示它们的事件",
    lang = "探索器使用的语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）",
    order = "在 C++ 未规定的顺序上按 g++ 12 或 clang 14 的做法（默认：g++）",
    trace = "每个生命周期事件一发生就打印出来",
    export = "退出时写出记录下的运行（%s）",
    last = "停止处理选项",
    stdin = "停止处理选项并执行标准输入",
    unrecognized = "无法识别的选项“%s”",
    argument_needed = "“%s”之后需要一个参数",
    two_scripts = "“%s”之后需要两个脚本",
    play = "回放一份运行记录（corolab/trace.hpp 或 --export record 写下的）",
    play_alone = "记录只能单独回放：“%s”不能与 --play 一起运行",
  },
  orders = {   -- C++ 未规定的顺序（coro.unspecified）：是什么，然后是 g++ 12 和 clang 14
               -- 在那里各自的做法（由 ui.unspecified_note 说出）
    argument_order = {"调用的实参按什么顺序求值", "从最后一个到第一个求值",
      "从第一个到最后一个"},
    unsequenced_co_await = {"同一表达式中彼此无序的操作数里各个 co_await 的顺序（如 "
      .. "co_await a + co_await b）",
      "先求出所有操作数，再依次在每个 co_await 处挂起，最后按顺序调用它们的 await_resume",
      "把每个 co_await 整个求值完（操作数、挂起、await_resume），从第一个到最后一个"},
    parameter_destruction = {"形参副本按什么顺序销毁", "按形参的顺序销毁", "按相反的顺序"},
    return_object_destruction = {"在 get_return_object 之后失败的调用何时销毁其返回对象",
      "先销毁它，再销毁协程状态（~promise_type、~parameters、operator delete）",
      "最后，在 operator delete 释放协程状态之后"},
  },
  words = {  -- 折行时不拆开的词（中文没有空格）：其余位置可在任意两字之间折行
    "协程", "协程状态", "协程体", "协程句柄", "承诺对象", "承诺类型", "等待体", "可等待对象",
    "挂起点", "初始挂起点", "最终挂起点", "初始挂起", "最终挂起", "恢复点", "恢复方", "恢复者",
    "恢复链", "调用方", "使用方", "返回对象", "返回类型", "返回值", "局部变量", "形参副本",
    "对称转移", "生命周期", "未定义行为", "构造函数", "析构函数", "表达式", "完整表达式",
    "临时对象", "尾调用", "事件", "断点", "句柄", "挂起", "恢复", "销毁", "调用", "运行",
    "返回", "对象", "没有", "一个", "执行", "编号", "记录", "变量", "局部", "第一", "一次",
    "停下", "命令", "最近", "保存", "转移", "之前", "之后", "此后", "每个", "每次", "最终",
    "初始", "存活", "列出", "形参", "实参", "位置", "错误", "正在", "类型", "异常", "代码",
    "给出", "选项", "这次", "使用", "输入", "保留", "单步", "结束", "显示", "下一个", "下一步",
    "控制权", "所有", "任何", "相同", "开始", "导览", "存在", "继续", "发生", "课程", "以及",
    "生成器", "当时", "当前", "无法", "现在", "探索器", "停顿", "脚本", "默认", "启动", "副本",
    "然后", "末尾", "比较", "这个", "那个", "查看", "什么", "还没有", "两次", "实时", "已经",
    "最后", "回放", "函数", "任务", "读取", "结果", "抛出", "由内向外", "成员", "非成员",
    "需要", "中断", "语言", "导出", "写入", "位于", "加载", "步骤", "它们", "离开", "提示符",
    "或者", "全局", "引用", "就是", "完整", "跳到", "逐个", "否则", "声明", "表示", "播放",
    "暂停", "对齐", "嵌套", "处理", "用法", "删除", "不同", "不小于", "整数", "未知", "程序",
    "打印", "开启", "关闭", "退出", "分配", "内存", "释放", "构造", "规则", "标准", "编译器",
    "包装", "包裹", "注释", "光标", "行为", "条件", "解析器", "参数", "字节", "大小", "布局",
    "偏移量", "字段", "线程", "页面", "浏览器", "离线", "滑块", "地址", "源代码", "说明",
    "测验", "猜测", "猜对", "预测", "学习进度", "进度", "完成", "作用", "等价", "隐式", "展开",
    "增长", "立即", "惰性", "就绪", "要点", "概念", "会话", "回溯", "调用栈", "时序图",
    "状态图", "格式", "文件", "字符串", "交互模式", "标准输入", "全局变量", "版本信息", "帮助",
    "引导式", "逐步", "嵌套深度", "深度", "缩进", "数字", "名字", "名称", "唯一", "部分",
    "补全", "前缀", "缩写", "当作", "其他", "回到", "后退", "前进", "最多", "最少", "更多",
    "更短", "丢弃", "完全", "对应", "同一个", "一段", "短小", "对于", "关于", "传给", "交给",
    "拆除", "跳转", "捕获", "转换", "重复", "缺少", "阻止", "指出", "违反", "存放", "包含",
    "跨越", "复制", "移动", "消失", "取决于", "通过", "得到", "通常", "根本", "改为", "不会",
    "直接", "所以", "仍然", "因此", "变为", "除外", "接着", "可以", "因为", "如果", "只有",
    "只是", "也就是", "第一次", "第一个", "最近一次", "保持", "运作", "机制", "观察", "出现",
    "新手", "引导", "按下", "分钟", "大约", "途中", "用到", "遇到", "消息", "探索", "自己",
    "源代码行", "代码行", "空格", "方向键", "左方向键", "右方向键", "事件数", "每秒", "详情",
    "穿过", "进行", "仍在", "此时", "之中", "之间", "一方", "双方", "两边", "两个", "逐事件",
    "记录中", "种类", "角色", "环境", "独立", "分别", "并排", "时间", "这一", "那里", "那一",
    "整个", "过程", "单个", "打开", "空句柄", "指针", "排序", "相等", "可复制", "拥有",
    "所有权", "不拥有", "记得", "忘记", "小而", "析构", "资源", "命中",
  },
}
