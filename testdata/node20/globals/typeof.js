// Which of today's globals exist. Node 20 prints "function" or "object" for each.
const names = ['process', 'Buffer', 'setImmediate', 'queueMicrotask', 'TextEncoder',
  'TextDecoder', 'URL', 'URLSearchParams', 'global', 'atob', 'btoa', 'structuredClone',
  'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'console', 'require', 'module'];
for (const name of names) {
  console.log(name, typeof globalThis[name] === 'undefined' && name !== 'require' && name !== 'module'
    ? 'undefined' : name === 'require' ? typeof require : name === 'module' ? typeof module : typeof globalThis[name]);
}
