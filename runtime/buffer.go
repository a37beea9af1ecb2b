package runtime

import "github.com/dop251/goja"

// legacyBufferJS wraps goja_nodejs's Buffer so that the pre-Node-6 forms the libraries'
// documents use work: new Buffer(size) (zero-filled) and new Buffer(data, encoding), as well as
// Buffer(...) without new. Statics (from, alloc, isBuffer, ...) and the prototype are shared,
// so instanceof and Buffer.isBuffer see the same buffers. It also fills Buffer.isBuffer and
// Buffer#slice (a view, as in Node), which goja_nodejs lacks.
const legacyBufferJS = `(function (B) {
  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === 'number') return B.alloc(arg);
    return B.from(arg, encodingOrOffset, length);
  }
  Object.setPrototypeOf(Buffer, B);
  Buffer.prototype = B.prototype;
  if (typeof B.isBuffer !== 'function') {
    Buffer.isBuffer = function (b) { return b instanceof B; };
  }
  B.prototype.slice = function (start, end) { return this.subarray(start, end); };
  return Buffer;
})`

// legacyBuffer returns the Buffer constructor programs see (see legacyBufferJS).
func (rt *Runtime) legacyBuffer(b goja.Value) goja.Value {
	wrap, err := rt.VM.RunString(legacyBufferJS)
	if err != nil {
		return b
	}
	fn, _ := goja.AssertFunction(wrap)
	v, err := fn(goja.Undefined(), b)
	if err != nil {
		return b
	}
	return v
}
