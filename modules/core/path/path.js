// require("path"): Node 20's POSIX path module, written for earlynode.
(function (natives, runtime) {
  function describe(v) {
    if (v == null) return String(v);
    if (typeof v === 'function') return 'function ' + v.name;
    if (typeof v === 'object') return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
    var s = typeof v === 'string' ? "'" + v + "'" : String(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    return 'type ' + typeof v + ' (' + s + ')';
  }

  function invalidType(name, type, v) {
    var e = new TypeError('The "' + name + '" argument must be of type ' + type + '. Received ' + describe(v));
    e.code = 'ERR_INVALID_ARG_TYPE';
    Object.defineProperty(e, 'toString', {
      value: function () { return this.name + ' [ERR_INVALID_ARG_TYPE]: ' + this.message; },
      writable: true, configurable: true
    });
    return e;
  }

  function validateString(v, name) {
    if (typeof v !== 'string') throw invalidType(name, 'string', v);
  }

  function cwd() {
    if (typeof process === 'object' && process && typeof process.cwd === 'function') return process.cwd();
    return natives.cwd();
  }

  // normalizeParts resolves . and .. in a path's segments and joins them with '/' (no leading
  // or trailing slash); .. above the start is kept only when allowAboveRoot.
  function normalizeParts(path, allowAboveRoot) {
    var out = [];
    var segs = path.split('/');
    for (var i = 0; i < segs.length; i++) {
      var seg = segs[i];
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
        else if (allowAboveRoot) out.push('..');
      } else {
        out.push(seg);
      }
    }
    return out.join('/');
  }

  function resolve() {
    var resolved = '';
    var absolute = false;
    for (var i = arguments.length - 1; i >= -1 && !absolute; i--) {
      var p;
      if (i >= 0) {
        p = arguments[i];
        validateString(p, 'paths[' + i + ']');
        if (p.length === 0) continue;
      } else {
        p = cwd();
      }
      resolved = p + '/' + resolved;
      absolute = p.charAt(0) === '/';
    }
    var n = normalizeParts(resolved, !absolute);
    if (absolute) return '/' + n;
    return n.length > 0 ? n : '.';
  }

  function normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    var abs = path.charAt(0) === '/';
    var trailing = path.charAt(path.length - 1) === '/';
    path = normalizeParts(path, !abs);
    if (path.length === 0) {
      if (abs) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) path += '/';
    return abs ? '/' + path : path;
  }

  function isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charAt(0) === '/';
  }

  function join() {
    if (arguments.length === 0) return '.';
    var parts = [];
    for (var i = 0; i < arguments.length; i++) {
      validateString(arguments[i], 'path');
      if (arguments[i].length > 0) parts.push(arguments[i]);
    }
    if (parts.length === 0) return '.';
    return normalize(parts.join('/'));
  }

  function relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = resolve(from);
    to = resolve(to);
    if (from === to) return '';
    var f = from.split('/').filter(Boolean);
    var t = to.split('/').filter(Boolean);
    var common = 0;
    while (common < f.length && common < t.length && f[common] === t[common]) common++;
    var out = [];
    for (var i = common; i < f.length; i++) out.push('..');
    return out.concat(t.slice(common)).join('/');
  }

  function dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    var hasRoot = path.charAt(0) === '/';
    var end = -1;
    var matchedSlash = true;
    for (var i = path.length - 1; i >= 1; --i) {
      if (path.charAt(i) === '/') {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  }

  // lastPart splits a path into where its last segment starts and that segment (trailing
  // slashes dropped; an absolute path's first slash is never part of it).
  function lastPart(path) {
    var start = path.charAt(0) === '/' ? 1 : 0;
    var end = path.length;
    while (end > start && path.charAt(end - 1) === '/') end--;
    var slash = path.lastIndexOf('/', end - 1);
    var partStart = slash >= start ? slash + 1 : start;
    if (end < partStart) end = partStart;
    return { start: partStart, base: path.slice(partStart, end) };
  }

  function basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    if (suffix !== undefined && suffix.length > 0 && suffix === path) return '';
    var base = lastPart(path).base;
    if (suffix !== undefined && suffix.length > 0 && suffix.length < base.length &&
        base.slice(base.length - suffix.length) === suffix) {
      return base.slice(0, base.length - suffix.length);
    }
    return base;
  }

  function extOf(base) {
    var dot = base.lastIndexOf('.');
    if (dot <= 0 || base === '..') return '';
    return base.slice(dot);
  }

  function extname(path) {
    validateString(path, 'path');
    return extOf(lastPart(path).base);
  }

  function format(pathObject) {
    if (pathObject === null || typeof pathObject !== 'object') throw invalidType('pathObject', 'object', pathObject);
    var dir = pathObject.dir || pathObject.root;
    var ext = pathObject.ext;
    var base = pathObject.base || ((pathObject.name || '') + (ext ? (ext.charAt(0) === '.' ? '' : '.') + ext : ''));
    if (!dir) return base;
    return dir === pathObject.root ? dir + base : dir + '/' + base;
  }

  function parse(path) {
    validateString(path, 'path');
    var ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    var abs = path.charAt(0) === '/';
    if (abs) ret.root = '/';
    var p = lastPart(path);
    ret.base = p.base;
    ret.ext = extOf(p.base);
    ret.name = p.base.slice(0, p.base.length - ret.ext.length);
    if (p.start > 0 && p.start - 1 > 0) ret.dir = path.slice(0, p.start - 1);
    else if (abs) ret.dir = '/';
    return ret;
  }

  var path = {
    resolve: resolve,
    normalize: normalize,
    isAbsolute: isAbsolute,
    join: join,
    relative: relative,
    toNamespacedPath: function toNamespacedPath(p) { return p; },
    dirname: dirname,
    basename: basename,
    extname: extname,
    format: format,
    parse: parse,
    sep: '/',
    delimiter: ':',
    win32: null,
    posix: null,
    _makeLong: function (p) { return p; }
  };
  path.posix = path;
  delete path.win32;
  return { exports: path };
})
