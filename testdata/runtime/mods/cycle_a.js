require("cycle_b.js");
