-- zh.lua — 探索器的中文文字：每个生命周期事件的说明及其依据的标准条款
-- （events：按事件种类；含义取决于时机时，再按记录器给出的上下文，见
-- explain.lua）、每条命令的作用（help）、学习者看到的消息（ui：string.format
-- 格式串）以及导览的文字（tour）。键与 en.lua 相同。术语：协程、承诺对象
-- （promise）、协程句柄（handle）、协程状态（frame）、挂起 / 恢复、等待体
-- （awaiter）、对称转移、断点、生成器、任务。
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
      .. "有但值不同，'<' 只在第一个，'>' 只在第二个。与 corolab --diff A.lua B.lua 相同。"},
    display = {"每次停下后显示刚变化的协程状态", "它的当前状态、挂起点、承诺对象以及"
      .. "正在等待的等待体。默认开启。"},
    log = {"最近记录的 N 个事件", "默认 20 个；每个事件都带有参数和返回值，例如 "
      .. "yield_value(1) → suspend_always。"},
    trace = {"事件一发生就打印出来", "按恢复的嵌套深度缩进。"},
    export = {"把记录下的运行写入 FILE", "chrome：Chrome trace JSON（在 ui.perfetto.dev "
      .. "中打开）；mermaid：Mermaid 时序图；dot：Graphviz 状态图；html：在浏览器中离线回放"
      .. "这次运行的单个页面（FILE.html#event=N 会在第 N 个事件处打开）。"},
    record = {"记录中保留多少个事件", "保留最近的那些，默认 100000 个。给出 N 时："
      .. "保留最近的 N 个。"},
    lessons = {"列出课程，已完成的会标出", "每一课是一段短小的 Lua 脚本，对应一个 "
      .. "C++20 程序；学习进度保存在 ~/.corolab/progress（或 $COROLAB_HOME）中。"},
    lesson = {"运行第 N 课", "运行到它第一次挂起为止，与 :load 相同。"},
    load = {"运行课程 NAME，停在第一次挂起处", "NAME 可以是课程名、编号，或名字中唯一的"
      .. "一部分。停下后先设置断点，再 :continue。"},
    predict = {"以测验的方式单步执行", "每次停下时，从几个选项中猜下一个事件（输入编号"
      .. "或事件名；Tab 可补全）；下一次停下时会告诉你是否猜对，以及原因。给出课程 NAME "
      .. "时：从它的第一个事件开始单步执行，边走边猜。"},
    lang = {"English、Türkçe 或中文", "探索器使用的语言；默认取自 --lang，否则取自 "
      .. "LC_ALL、LC_MESSAGES 或 LANG。"},
    tour = {"约五分钟的引导式导览", "一个生成器和一个任务，每次一个事件，途中用到 "
      .. ":frames、:show、:where、一个断点和一次导出。"},
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
    loaded = "已加载 %s（先 :break EVENT，再 :continue）",
    lesson = "课程 %s",
    cpp_and_lua = "Lua (coro)",
    lua_after = "Lua (coro)：同一个程序",
    take_away = "要点：",
    lessons_end = "（:lesson N 或 :load NAME 运行一课，停在它第一次挂起处；"
      .. ":predict NAME 以测验的方式单步执行它）",
    no_progress = "（无法在 %s 中保存学习进度）",
    predict_on = "预测已开启：每次停下时，猜猜接下来会发生什么；:step 继续",
    predict_question = "接下来会发生什么？",
    predict_prompt = "你的猜测（编号或名称，Tab 补全；Enter：不猜） ",
    predict_right = "猜对了：%s",
    predict_wrong = "不是 %s，而是 %s（原因见下文）",
    predict_unlisted = "（%s 不在选项之中：不计分）",
    predict_unknown = "“%s”不是任何一个选项：这次不算猜测",
    predict_score = "预测：猜对 %d 次，共 %d 次",
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
  },
  tour = {
    title = "corolab 导览",
    intro = "逐个事件地展示 C++ 编译器为协程生成的每一个步骤。每个事件第一次出现时都会"
      .. "附上说明。",
    pause = "  [Enter] 下一步，q：不再停顿，运行完剩下的部分 ",
    generator = "1. 生成器",
    generator_intro = "生成器的承诺类型保存每个 co_yield 产出的值。initial_suspend 返回 "
      .. "suspend_always，所以调用 range(2) 只会建立协程状态。",
    call = "调用：协程状态、承诺对象、返回对象、初始挂起",
    frames = "存活的协程状态，每个一行",
    show = "协程状态内部：布局、承诺对象、形参、局部变量",
    first_resume = "运行协程体，直到 co_yield 0",
    where = "在编译器包裹协程体的代码中，它停在哪里",
    read = "使用方从承诺对象中读取这个值",
    ["break"] = "断点：在下一次调用 yield_value 之前停下",
    stop_resume = "继续到 co_yield 1；断点让它停下",
    at_stop = "停下时，提示符中可以使用 ev（事件）、h（协程句柄）和 p（承诺对象）。"
      .. "导览会替你输入一行，然后 :continue。",
    value = "传递中的值，和承诺对象里仍保存的值",
    delete = "导览设的断点已经用不着了",
    last_resume = "执行到末尾：return_void，最终挂起",
    done = "已挂起在最终挂起点",
    destroy = "销毁协程状态",
    task = "2. 任务等待任务",
    task_intro = "任务同样是惰性启动的。co_await inner() 通过对称转移启动 inner；inner 的"
      .. "最终等待体再转移回 outer，也就是等待它的那个协程。",
    task_call = "惰性启动：挂起在初始挂起点",
    task_step = "逐个事件地恢复它：导览在前几次停下时输入 :step，然后输入 :continue；outer 等待 "
      .. "inner：转移过去，再转回来",
    task_value = "结果：趁它停在最终挂起点时读取",
    export = "把整个运行过程写成一个可以回放的页面",
    exported = "在浏览器中打开 %s：它会离线重新回放这次运行（← → 单步，空格播放；每个事件都"
      .. "有滑块、协程状态、包装代码中的光标和源代码行）。",
    closing = "这就是完整的生命周期。现在请自己探索：:step h 逐个事件地走过一个协程，"
      .. ":break EVENT 在某个事件处停下，:where 显示包装代码，:frames 和 :show 查看"
      .. "协程状态。",
    next = "下一步：:lessons 列出所有课程，每课讲一个概念（:lesson 1 开始第一课）；"
      .. ":help 列出全部命令。",
  },
}
