require("mods/missing.js");
puts("body still runs");
