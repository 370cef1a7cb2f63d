-- LuaRocks project mode: `luarocks make` here builds for Lua 5.4
return "5.4"
