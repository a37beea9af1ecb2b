// A CommonJS module asking for a 0.1.0-style path: resolved as Node would (a package name), not found, and the error says why.
require("lib/thing.js");
