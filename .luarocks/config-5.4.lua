-- LuaRocks project mode, Lua 5.4 (see default-lua-version.lua)
lua_interpreter = "lua5.4"
