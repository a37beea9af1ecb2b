require("cycle_a.js");
