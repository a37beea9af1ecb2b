#!/usr/bin/env node
// Drives headless Chromium for earlynode's PeerJS interop test.
//
//   node driver.js <page URL>
//
// It launches Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through
// playwright-core, opens the page (page.html: PeerJS 1.5.5 + harness.js),
// prints {"ready":true} and then serves calls, one JSON object per line:
//   stdin:  {"id": 1, "method": "next", "args": ["open", 10000]}
//   stdout: {"id": 1, "result": ...}   or   {"id": 1, "error": "..."}
// Each call runs window.h[method](...args) in the page. The browser's
// console goes to stderr. End of stdin closes the browser and exits.
"use strict";
const readline = require("readline");
const { chromium } = require("playwright-core");

const pageURL = process.argv[2];
if (!pageURL) {
  console.error("usage: node driver.js <page URL>");
  process.exit(2);
}

// Flags that make WebRTC work headless inside a network namespace
// (docs/architecture.md, Tests): real IP host candidates instead of mDNS names.
const chromiumArgs = [
  "--disable-features=WebRtcHideLocalIpsWithMdns",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function reply(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: chromiumArgs,
  });
  const page = await browser.newPage();
  page.on("console", (msg) => console.error("[browser " + msg.type() + "] " + msg.text()));
  page.on("pageerror", (err) => console.error("[browser pageerror] " + err.message));
  await page.goto(pageURL);
  await page.waitForFunction(() => typeof window.h === "object" && typeof window.peerjs === "object");
  reply({ ready: true, version: browser.version() });

  // Calls run one after another, in arrival order.
  let chain = Promise.resolve();
  const rl = readline.createInterface({ input: process.stdin });
  rl.on("line", (line) => {
    chain = chain.then(async () => {
      let call;
      try {
        call = JSON.parse(line);
      } catch (e) {
        reply({ id: null, error: "bad call: " + e.message });
        return;
      }
      try {
        const result = await page.evaluate(
          ([method, args]) => window.h[method](...args),
          [call.method, call.args || []],
        );
        reply({ id: call.id, result: result === undefined ? null : result });
      } catch (e) {
        reply({ id: call.id, error: String(e.message || e) });
      }
    });
  });
  rl.on("close", () => {
    chain.then(() => browser.close()).then(() => process.exit(0));
  });
}

main().catch((e) => {
  console.error("driver: " + (e.stack || e));
  reply({ ready: false, error: String(e.message || e) });
  process.exit(1);
});
