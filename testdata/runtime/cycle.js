require("mods/cycle_a.js");
