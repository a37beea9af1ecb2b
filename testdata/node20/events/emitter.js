// require("events"): Node 20's EventEmitter semantics.
'use strict';
const EventEmitter = require('events');
const log = (...a) => console.log(a.map((v) => typeof v === 'symbol' ? v.toString() : typeof v === 'object' ? JSON.stringify(v) : String(v)).join(' '));
log('shape', typeof EventEmitter, EventEmitter === EventEmitter.EventEmitter, typeof EventEmitter.once, EventEmitter.defaultMaxListeners, typeof EventEmitter.errorMonitor);

const e = new EventEmitter();
e.on('newListener', (n) => log('newListener', n));
e.on('x', (a, b) => log('x1', a, b));
e.prependListener('x', () => log('x0'));
e.once('x', () => log('x-once'));
e.prependOnceListener('x', () => log('x-prepend-once'));
log('count', e.listenerCount('x'), e.listeners('x').length, e.rawListeners('x').length);
log('emit', e.emit('x', 1, 2));
log('emit again', e.emit('x', 3, 4));
log('emit none', e.emit('nothing'));
log('names', e.eventNames());
const sym = Symbol('s');
e.on(sym, () => log('sym'));
e.emit(sym);
log('names2', e.eventNames().length);
log('rawListeners once', (() => { const f = () => {}; e.once('y', f); const r = e.rawListeners('y')[0]; return [r === f, r.listener === f, e.listeners('y')[0] === f]; })());

// Removing during emit does not affect the current emit.
const r = new EventEmitter();
function a() { log('a'); r.removeListener('t', b); }
function b() { log('b'); }
r.on('t', a);
r.on('t', b);
r.emit('t');
r.emit('t');
r.on('removeListener', (n, f) => log('removeListener', n, f.name));
r.on('t', b);
r.off('t', a);
r.removeAllListeners('t');
log('after removeAll', r.listenerCount('t'), r.eventNames());
r.removeAllListeners();
log('all removed', r.eventNames());

// error
const er = new EventEmitter();
try { er.emit('error', new Error('boom')); } catch (err) { log('threw', err.message); }
try { er.emit('error', 'str'); } catch (err) { log('threw', err.code, err.message, err.context); }
try { er.emit('error'); } catch (err) { log('threw', err.code, err.message); }
try { er.emit('error', { a: 1 }); } catch (err) { log('threw', err.code, err.message); }
er.on(EventEmitter.errorMonitor, (err) => log('monitor', err.message));
try { er.emit('error', new Error('monitored')); } catch (err) { log('threw', err.message); }
er.on('error', (err) => log('handled', err.message));
log('emit error handled', er.emit('error', new Error('ok')));

// listener type and max listeners
try { er.on('x', 5); } catch (err) { log(err.name, err.code, err.message); }
try { er.setMaxListeners(-1); } catch (err) { log(err.name, err.code, err.message); }
try { er.setMaxListeners('a'); } catch (err) { log(err.name, err.code, err.message); }
log('max', er.getMaxListeners(), er.setMaxListeners(2) === er, er.getMaxListeners());
er.on('m', () => {}); er.on('m', () => {}); er.on('m', () => {});
log('over max still added', er.listenerCount('m'));
log('static listenerCount', EventEmitter.listenerCount(er, 'm'));

// this, inheritance
function Sub() { EventEmitter.call(this); }
Object.setPrototypeOf(Sub.prototype, EventEmitter.prototype);
const s = new Sub();
s.on('me', function () { log('this ok', this === s); });
s.emit('me');
class K extends EventEmitter {}
const k = new K();
k.once('z', (v) => log('class', v));
k.emit('z', 'v');
log('instance', k instanceof EventEmitter);

// events.once
EventEmitter.once(k, 'ready').then((args) => log('once resolved', args));
k.emit('ready', 1, 'two');
EventEmitter.once(k, 'never').catch((err) => log('once rejected', err.message));
k.emit('error', new Error('bad'));
