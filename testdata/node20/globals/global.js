// global is the global object.
console.log(global === globalThis, typeof global.setTimeout, global.global === global);
global.fromGlobal = 1;
console.log(typeof fromGlobal, fromGlobal);
