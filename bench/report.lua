-- report.lua — turns the runner's raw figures (one "key value" line each,
-- plus "failed <bench>" / "notbuilt <bench>" / "na <bench> <why>" lines)
-- into the table of ratios against targets, with each row's floor and the
-- ratio's quotient by it: printed, written to RESULTS.md with the machine
-- it ran on, and drawn with gnuplot as results.svg.
-- Usage: lua5.4 report.lua results.txt machine.txt RESULTS.md results.svg
local raw_path, machine_path, md_path, svg_path = arg[1], arg[2], arg[3], arg[4]
local analysis_path = md_path:gsub("[^/]*$", "analysis.md")   -- beside RESULTS.md

local v, failed, notbuilt, na = {}, {}, {}, {}
for line in io.lines(raw_path) do
  local k, x = line:match("^(%S+)%s+(%S+)$")
  local bench, why = line:match("^na%s+(%S+)%s+(.+)$")
  if bench then na[bench] = why
  elseif k == "failed" then failed[x] = true
  elseif k == "notbuilt" then notbuilt[x] = true
  elseif k then v[k] = tonumber(x) end
end

local function f(x, digits) return string.format("%." .. (digits or 1) .. "f", x) end
local function mb(x) return f(x, 0) .. " MB" end
local function all(...)                        -- all the keys are present
  for _, k in ipairs({...}) do if v[k] == nil then return false end end
  return true
end

-- per-operation instruction count from two callgrind runs (n1 < n2)
local NATIVE_X = 8                            -- c/generator.c, c/task.c
local function ir_per_op(prog, build)
  local a, b = v["ir_" .. prog .. "_" .. build .. "_n1"], v["ir_" .. prog .. "_" .. build .. "_n2"]
  local n1, n2 = v.ir_n1, v.ir_n2
  if not (a and b and n1 and n2) then return nil end
  local x = build == "native" and NATIVE_X or build == "floor" and NATIVE_X // 2 or 1
  local ops = (n2 - n1) * 1.1 * x
  return (b - a) / ops                        -- each run does 1.1 n operations
end

-- "; 611 vs 23 instructions per op (floor 109)" when callgrind counted them
local function ir_detail(prog)
  local cl, native, floor = ir_per_op(prog, "on"), ir_per_op(prog, "native"),
                            ir_per_op(prog, "floor")
  if not (cl and native) then return "" end
  return string.format("; %.0f vs %.0f instructions/op", cl, native)
         .. (floor and string.format(" (floor %.0f)", floor) or "")
end

-- a row's floor: the least any design does (bench/c/floor.c,
-- bench/lua/floor.c, generators.lua's floor_promise), against the same
-- baseline in the same run
local function floor_of(key, base)
  return function() return v[key] and v[base] and v[key] / v[base] end
end

-- a peer's row (bench/peers): corolab's C generator against the library,
-- a step and create + first resume + destroy; the worse of the two ratios
-- (below 1: corolab is faster at both)
local function peer_row(who, what)
  return {name = "corolab vs " .. what .. ": generator step, and create + first "
            .. "resume + destroy", short = "vs " .. who, bench = "peer_" .. who,
          run = "peers", target = 1.0, unit = "x",
          value = function()
            local cs, ps = v.peer_cl_step_ns, v["peer_" .. who .. "_step_ns"]
            local cc, pc = v.peer_cl_create_ns, v["peer_" .. who .. "_create_ns"]
            if not (cs and ps and cc and pc) then return nil end
            return math.max(cs / ps, cc / pc), string.format(
              "step %s ns vs %s ns (%.2fx); create + first resume + destroy %s ns vs %s ns (%.2fx)",
              f(cs), f(ps), cs / ps, f(cc, 0), f(pc, 0), cc / pc)
          end}
end

-- each figure: which benchmark produces it, how to compute its value, and
-- its target: a ratio (target), or a quotient of the ratio by its floor
-- (floor_target)
local rows = {
  {name = "C-body generator vs native C++20 generator (resume+yield)", short = "C generator", bench = "generator",
   floor_target = 1.15, unit = "x",
   value = function()
     if not all("cl_generator_ns", "native_generator_ns") then return nil end
     return v.cl_generator_ns / v.native_generator_ns,
            f(v.cl_generator_ns) .. " ns vs " .. f(v.native_generator_ns, 2) .. " ns"
            .. ir_detail("generator")
   end,
   floor = floor_of("floor_generator_ns", "native_generator_ns")},
  {name = "C-body task awaiting sync child task vs native (alloc + 2 transfers)", short = "C task await", bench = "task",
   target = 2.5, unit = "x",
   value = function()
     if not all("cl_task_ns", "native_task_ns") then return nil end
     return v.cl_task_ns / v.native_task_ns,
            f(v.cl_task_ns) .. " ns vs " .. f(v.native_task_ns) .. " ns" .. ir_detail("task")
   end,
   floor = floor_of("floor_task_ns", "native_task_ns")},
  {name = "Lua-body generator, built-in coro.generator vs coroutine.wrap", short = "Lua coro.generator", bench = "lua_builtin",
   target = 1.5, unit = "x",
   value = function()
     if not all("lua_builtin_ns", "lua_plain_ns") then return nil end
     return v.lua_builtin_ns / v.lua_plain_ns,
            f(v.lua_builtin_ns) .. " ns vs " .. f(v.lua_plain_ns) .. " ns, g() as f()"
            .. (v.lua_method_ns and string.format("; g:next() in a closure: %s ns (%.2fx)",
                  f(v.lua_method_ns), v.lua_method_ns / v.lua_plain_ns) or "")
   end,
   floor = floor_of("lua_floor_ns", "lua_plain_ns")},
  {name = "Lua-body generator, promise type in Lua vs coroutine.wrap", short = "Lua promise in Lua", bench = "lua_promise",
   floor_target = 1.15, unit = "x",
   value = function()
     if not all("lua_promise_ns", "lua_plain_ns") then return nil end
     return v.lua_promise_ns / v.lua_plain_ns,
            f(v.lua_promise_ns) .. " ns vs " .. f(v.lua_plain_ns) .. " ns"
   end,
   floor = floor_of("lua_floor_promise_ns", "lua_plain_ns")},
  peer_row("minicoro", "minicoro (stackful C, one header)"),
  peer_row("boost", "Boost.Coroutine2 pull_type (stackful C++, on Boost.Context)"),
  {name = "symmetric-transfer chain, C bodies", bench = "chain", pass = true,
   value = function()
     if not all("chain_n", "chain_stack_bytes_n", "chain_stack_bytes_10") then return nil end
     local ok = v.chain_stack_bytes_n == v.chain_stack_bytes_10
     return ok, string.format("%.0fM tasks complete; C stack at bottom %.0f B (chain of 10: %.0f B); %s ns/link (native C++: %s); peak RSS %s",
       v.chain_n / 1e6, v.chain_stack_bytes_n, v.chain_stack_bytes_10,
       f(v.chain_ns_per_link, 0), f(v.chain_native_ns_per_link or 0, 0), mb(v.chain_peak_rss_mb))
   end},
  {name = "symmetric-transfer chain, C bodies, per link vs native C++20 (warm, interleaved)",
   short = "chain per link", bench = "chain", target = 5, unit = "x",
   value = function()
     if not all("chain_warm_ns_per_link", "chain_warm_native_ns_per_link") then return nil end
     return v.chain_warm_ns_per_link / v.chain_warm_native_ns_per_link, string.format(
       "%s ns vs %s ns a link (chains of %.1fM, median of the runs)",
       f(v.chain_warm_ns_per_link, 1), f(v.chain_warm_native_ns_per_link, 1),
       v.chain_warm_n / 1e6)
   end},
  {name = "symmetric-transfer chain, Lua bodies", bench = "lua_chain", pass = true,
   value = function()
     if not all("lua_chain_n", "lua_chain_ns_per_link") then return nil end
     return true, string.format("%.0fM tasks complete (a C recursion would stop at Lua's "
       .. "200 nested C calls); %s ns/link; peak RSS %s",
       v.lua_chain_n / 1e6, f(v.lua_chain_ns_per_link, 0), mb(v.lua_chain_peak_rss_mb or 0))
   end},
  {name = "memory per suspended frame, C body (runtime overhead)", short = "C frame overhead", bench = "memory",
   target = 65, unit = " B",
   value = function()
     if not all("mem_c_overhead_bytes") then return nil end
     return v.mem_c_overhead_bytes, string.format(
       "head %.0f + state %.0f + padding %.0f + slab headers and page map %.2f "
       .. "(at %.0fk frames); frame %.0f B incl. promise+locals %.0f B, from slabs: "
       .. "one malloc block per slab, none per frame",
       v.mem_c_head_bytes, v.mem_c_state_bytes, v.mem_c_padding_bytes,
       v.mem_c_bookkeeping_bytes_per_frame, v.mem_c_frames / 1e3,
       v.mem_c_frame_alloc_bytes, v.mem_c_promise_locals_bytes)
   end},
  {name = "memory per suspended frame, Lua body (all in)", short = "Lua frame, all in", bench = "lua_memory",
   target = 1536, unit = " B",
   value = function()
     if not all("mem_lua_bytes_per_frame") then return nil end
     return v.mem_lua_bytes_per_frame, string.format(
       "RSS %.0f B, Lua heap %.0f B per frame; a plain Lua coroutine: %.0f B",
       v.mem_lua_rss_bytes, v.mem_lua_heap_bytes, v.mem_lua_plain_rss_bytes or 0)
   end},
  {name = "resume with 1M other live frames vs none (worst working set)", short = "resume, 1M live", bench = "registry",
   target = 1.2, unit = "x",
   value = function()
     local worst, parts = nil, {}
     for _, k in ipairs({1, 1024, 65536}) do
       local a, b = v["reg_k" .. k .. "_others_ns"], v["reg_k" .. k .. "_none_ns"]
       if a and b then
         worst = math.max(worst or 0, a / b)
         parts[#parts + 1] = string.format("k=%d: %s/%s ns", k, f(a), f(b))
       end
     end
     return worst, table.concat(parts, "; ")
   end},
  {name = "event stream, no observer vs compiled out (callgrind Ir)", short = "events unobserved", bench = "events",
   target = 3.0, unit = " %",
   value = function()
     local worst, parts = nil, {}
     for _, prog in ipairs({"generator", "task"}) do
       local on, off = ir_per_op(prog, "on"), ir_per_op(prog, "off")
       if on and off then
         local pct = (on / off - 1) * 100
         worst = math.max(worst or -math.huge, pct)
         parts[#parts + 1] = string.format("%s: %.1f vs %.1f Ir/op", prog, on, off)
       end
     end
     return worst, table.concat(parts, "; ")
   end},
  {name = "`corolab script.lua` vs `lua5.4 -l coro script.lua` (200k yields, nobody "
     .. "watching)", short = "script", bench = "script", target = 1.5, unit = "x",
   value = function()
     if not all("script_corolab_ms", "script_lua_ms") then return nil end
     return v.script_corolab_ms / v.script_lua_ms,
            string.format("%s ms vs %s ms", f(v.script_corolab_ms, 1), f(v.script_lua_ms, 1))
   end},
  {name = "recording at the prompt, time per event (the C tape; the issue's 200k-yield "
     .. "coro.generator loop, and a promise type in Lua)", short = "recorded event",
   bench = "recording_loop", target = 2, unit = " us",
   value = function()
     if not all("rec_builtin_us_per_event", "rec_lua_us_per_event") then return nil end
     return math.max(v.rec_builtin_us_per_event, v.rec_lua_us_per_event), string.format(
       "%s us (coro.generator, %.1fM events) and %s us (promise type in Lua, %dk events) "
       .. "vs %s us unobserved; the first look after (the records :log, :replay, :diff and "
       .. "the page read): %s us an event over the %.1fM (%dk kept), %s us over the %dk",
       f(v.rec_builtin_us_per_event, 2), v.rec_builtin_events / 1e6,
       f(v.rec_lua_us_per_event, 2), v.rec_lua_events // 1000,
       f(v.rec_builtin_plain_us_per_event, 2), f(v.rec_builtin_look_us_per_event, 1),
       v.rec_builtin_events / 1e6, v.rec_builtin_kept // 1000,
       f(v.rec_lua_look_us_per_event, 1), v.rec_lua_events // 1000)
   end},
  {name = "recording at the prompt, memory per event (on the tape until someone looks; "
     .. "each record kept after, snapshots included)", short = "recorded bytes",
   bench = "recording", target = 1024, unit = " B",
   value = function()
     if not all("rec_lua_bytes_per_kept", "rec_lua_raw_bytes_per_event") then return nil end
     return v.rec_lua_bytes_per_kept, string.format(
       "%s B an event on the tape (C and Lua), %s B a record kept (the last 100,000 at "
       .. "first: some 65 MB at most)", f(v.rec_lua_raw_bytes_per_event, 0),
       f(v.rec_lua_bytes_per_kept, 0))
   end},
  {name = "the page (web/): one file, offline, with the self-test's native runs",
   short = "page size", bench = "web_page", target = 2, unit = " MB",
   value = function()
     if not all("web_page_bytes") then return nil end
     return v.web_page_bytes / 1e6, string.format("%d bytes", v.web_page_bytes)
   end},
  {name = "the page: opening it to lesson 1 shown, headless Chromium", short = "page open",
   bench = "web_page", target = 1000, unit = " ms",
   value = function()
     if not all("web_open_ms") then return nil end
     return v.web_open_ms, "median of fresh loads, from the navigation's start"
   end},
  {name = "100,000 yields in the page's module under Node vs `corolab script.lua`",
   short = "page module, Node", bench = "web_yields", target = 3, unit = "x",
   value = function()
     if not all("web_yields_ms", "web_native_yields_ms") then return nil end
     return v.web_yields_ms / v.web_native_yields_ms, string.format(
       "%s ms vs %s ms (bench/lua/yields.lua); in Chromium: %s ms, %.2fx",
       f(v.web_yields_ms), f(v.web_native_yields_ms), f(v.web_chromium_yields_ms or 0),
       (v.web_chromium_yields_ms or 0) / v.web_native_yields_ms)
   end,
   floor = floor_of("web_plain_ms", "web_native_plain_ms")},
  {name = "the same in the page's module in headless Chromium", short = "page module, Chromium",
   bench = "web_page", target = 3, unit = "x",
   value = function()
     if not all("web_chromium_yields_ms", "web_native_yields_ms") then return nil end
     return v.web_chromium_yields_ms / v.web_native_yields_ms, string.format(
       "%s ms vs %s ms", f(v.web_chromium_yields_ms), f(v.web_native_yields_ms))
   end,
   floor = function()
     return v.web_chromium_plain_ms and v.web_native_plain_ms and
       v.web_chromium_plain_ms / v.web_native_plain_ms
   end},
  {name = "`corolab -e ''` start-up to exit", short = "start-up", bench = "startup",
   target = 30, unit = " ms",
   value = function()
     if not all("corolab_startup_ms") then return nil end
     return v.corolab_startup_ms, string.format("lua5.4 -e '': %s ms",
                                                  f(v.lua_startup_ms or 0, 2))
   end},
}

-- evaluate
local missed, chart = 0, {}
for _, r in ipairs(rows) do
  local x, detail = r.value()
  local floor = r.floor and r.floor()
  r.detail = detail or ""
  r.target_shown = r.pass and "completes, constant C stack"
                   or r.floor_target and ("<= " .. f(r.floor_target, 2) .. "x its floor")
                   or ("<= " .. (r.target % 1 == 0 and f(r.target, 0) or f(r.target)) .. r.unit)
  r.floor_shown = floor and f(floor, 2) .. r.unit or "-"
  r.quotient_shown = "-"
  if failed[r.bench] or failed[r.run or ""] then
    r.shown, r.status = "-", "FAILED (crashed or wrong result)"
  elseif x == nil then
    r.shown = "-"
    r.status = na[r.bench] and "n/a (" .. na[r.bench] .. ")"
               or notbuilt[r.bench] and "n/a (not built)" or "n/a (no result)"
  elseif r.pass then
    r.shown, r.status = x and "yes" or "no", x and "met" or "MISSED"
  else
    local q = floor and x / floor
    r.shown = f(x, x < 10 and 2 or 1) .. r.unit
    r.quotient_shown = q and f(q, 2) or "-"
    -- the target as a bound on the ratio: a quotient target times the floor
    local bound = r.floor_target and floor and r.floor_target * floor or r.target
    if bound == nil then
      r.status = "n/a (no floor measured)"
    elseif x <= bound then
      r.status = "met"
    elseif floor and floor >= bound then
      r.status = string.format("MISSED (below its floor, %s%s)", f(floor, 2), r.unit)
    elseif floor then
      r.status = string.format("MISSED (%.2fx its floor of %s%s, where the target "
                               .. "allows %.2fx)", q, f(floor, 2), r.unit, bound / floor)
    else
      r.status = "MISSED"
    end
    if bound then
      chart[#chart + 1] = {name = r.short, ratio = x / bound, floor = floor and floor / bound,
                           shown = r.shown .. " (" .. r.target_shown .. ")"}
    end
  end
  if r.status:find("^MISSED") then missed = missed + 1 end
end

-- the table, as Markdown (printed and written)
local lines = {"| figure | measured | floor | ÷ floor | target | status | details |",
               "|---|---|---|---|---|---|---|"}
for _, r in ipairs(rows) do
  lines[#lines + 1] = string.format("| %s | %s | %s | %s | %s | %s | %s |", r.name, r.shown,
                                    r.floor_shown, r.quotient_shown, r.target_shown,
                                    r.status, r.detail)
end
local tbl = table.concat(lines, "\n")
print(tbl)
print(string.format("\n%d of %d targets missed (timings never fail the run)", missed, #rows))

local machine = io.open(machine_path):read("a")
local md = io.open(md_path, "w")
md:write("# corolab benchmark results\n\n",
         "Written by `bench/run` (do not edit by hand). Ratios are corolab / baseline,\n",
         "both timed in the same process, interleaved, median of several runs. The\n",
         "floor is the same ratio for the least design that does what the figure\n",
         "measures (bench/analysis.md, \"Floors\"): a target below it cannot be met.\n",
         "÷ floor is the ratio divided by its floor's, both from this run.\n\n",
         "## Machine\n\n```\n", machine, "```\n\n## Figures\n\n", tbl, "\n\n",
         string.format("%d of %d targets missed.\n\n", missed, #rows),
         "![ratio to target per figure](results.svg)\n\n")
local analysis = io.open(analysis_path)     -- hand-written: where the time goes
if analysis then md:write(analysis:read("a"), "\n") analysis:close() end
md:write("## Raw figures\n\n```\n")
for line in io.lines(raw_path) do md:write(line, "\n") end
md:write("```\n")
md:close()

-- the chart: each figure's measured value as a multiple of its target
local dat = os.tmpname()
local d = io.open(dat, "w")
for i, c in ipairs(chart) do
  d:write(string.format("%d %.4f \"%s\" \"%s\" %s\n", i - 1, c.ratio, c.name, c.shown,
                        c.floor and string.format("%.4f", c.floor) or "NaN"))
end
d:close()
if #chart > 0 then
  local gp = io.popen("gnuplot", "w")
  gp:write(string.format([[
set terminal svg size 1200,580 font "sans,12" background "white"
set output "%s"
set title "corolab: measured / target (below the line = target met; dots: the floor)"
set style fill solid 0.8 border -1
set boxwidth 0.6
set logscale y 2
set yrange [0.03:*]
set ylabel "measured / target (log scale)"
set xtics font ",11" noenhanced nomirror rotate by -25 left
set xrange [-0.6:%d.6]
set bmargin 7
set rmargin 8
set grid ytics
set key off
plot "%s" using 1:2:($2 <= 1 ? 0x2e8b57 : 0xcd3333):xtic(3) with boxes lc rgb variable, \
     "%s" using 1:2:4 with labels offset 0,0.8 font ",9" noenhanced, \
     "%s" using 1:5 with points pt 7 ps 1.2 lc rgb "black", \
     1 with lines lw 2 dt 2 lc rgb "black"
]], svg_path, #chart - 1, dat, dat, dat))
  gp:close()
end
os.remove(dat)
