-- text_zh.lua — 协程生命周期事件的中文说明，以及每条说明所依据的标准条款；
-- 键与 text_en.lua 相同。术语：协程、承诺对象（promise）、协程句柄
-- （handle）、协程状态（frame）、挂起 / 恢复、等待体（awaiter）。
return {
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
}
