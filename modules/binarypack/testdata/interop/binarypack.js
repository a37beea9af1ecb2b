// The JavaScript side of interop_test.go, run on Node.js against the real npm packages
// installed by scripts/interop (binarypack 0.0.4 and peerjs-js-binarypack 2.1.0).
//
//   node binarypack.js NODE_MODULES gen N   prints N random values packed by binarypack, one hex line each
//   node binarypack.js NODE_MODULES repack  reads hex lines on stdin; for each prints
//                                           "<node> <peerjs>": the bytes binarypack packs after
//                                           unpacking with binarypack and with peerjs-js-binarypack
"use strict";
const fs = require("fs");
const path = require("path");
const [modules, mode, count] = process.argv.slice(2);
const nodeBP = require(path.join(modules, "binarypack"));
const peerBP = require(path.join(modules, "peerjs-js-binarypack"));

const pick = (a) => a[Math.floor(Math.random() * a.length)];
const upTo = (n) => Math.floor(Math.random() * n);
// Long strings and byte strings straddle the 16-bit and 32-bit length forms.
const longLength = () => (upTo(2) === 0 ? 16 + upTo(300) : 65530 + upTo(20));
const edges = [0, 1, -1, 127, 128, 255, 256, -32, -33, -128, -129, 65535, 65536, -32768, -32769,
  4294967295, 4294967296, -2147483648, -2147483649, 2 ** 53, -(2 ** 53), 2 ** 62, -(2 ** 63),
  0.5, -0.25, Math.PI, -1e-300, 5e-324, 1.7976931348623157e308, -0];

function number() {
  switch (upTo(4)) {
    case 0: return pick(edges);
    case 1: return upTo(70000) - 35000;
    case 2: return (Math.random() - 0.5) * 2 ** (upTo(120) - 60);
    default: return Math.floor((Math.random() - 0.5) * 2 ** upTo(63));
  }
}

function string(depth) {
  const n = depth === 0 && upTo(20) === 0 ? longLength() : upTo(20);
  let s = "";
  for (let i = 0; i < n; i++) s += pick(["a", "é", "€", "😀", "中", " ", "\n", "\u0000"]);
  return s;
}

function value(depth) {
  switch (upTo(depth > 3 ? 4 : 6)) {
    case 0: return number();
    case 1: return string(depth);
    case 2: return pick([null, true, false]);
    case 3: {
      // binarypack 0.0.4 throws "Invalid length" on an empty Buffer.
      const b = Buffer.alloc(1 + (depth === 0 && upTo(20) === 0 ? longLength() : upTo(20)));
      for (let i = 0; i < b.length; i++) b[i] = upTo(256);
      return b;
    }
    case 4: return Array.from({ length: upTo(4) === 0 ? upTo(20) : upTo(4) }, () => value(depth + 1));
    default: {
      const o = {};
      const n = upTo(4) === 0 ? upTo(20) : upTo(4);
      for (let i = 0; i < n; i++) o["k" + i + string(1).slice(0, 6)] = value(depth + 1);
      return o;
    }
  }
}

// Binary values come out of peerjs-js-binarypack as ArrayBuffer/Uint8Array; binarypack packs Buffers.
function toBuffers(v) {
  if (v instanceof Uint8Array || v instanceof ArrayBuffer) return Buffer.from(v);
  if (Array.isArray(v)) return v.map(toBuffers);
  if (v && typeof v === "object") {
    const o = {};
    for (const k of Object.keys(v)) o[k] = toBuffers(v[k]);
    return o;
  }
  return v;
}

if (mode === "gen") {
  for (let i = 0; i < Number(count);) {
    let hex;
    try {
      hex = nodeBP.pack(value(0)).toString("hex");
    } catch (e) {
      continue; // "Invalid integer" for whole numbers beyond 2^64, as documented
    }
    fs.writeSync(1, hex + "\n");
    i++;
  }
} else if (mode === "repack") {
  for (const line of fs.readFileSync(0, "utf8").split("\n")) {
    if (line === "") continue;
    const buf = Buffer.from(line, "hex");
    const viaNode = nodeBP.pack(nodeBP.unpack(buf)).toString("hex");
    const viaPeer = nodeBP.pack(toBuffers(peerBP.unpack(new Uint8Array(buf).buffer))).toString("hex");
    fs.writeSync(1, viaNode + " " + viaPeer + "\n");
  }
} else {
  throw new Error("usage: binarypack.js NODE_MODULES gen N | repack");
}
