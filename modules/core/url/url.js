// require("url"): Node 20's url module, written for earlynode. URL and URLSearchParams are
// the global ones when the runtime has them, else goja_nodejs's (natives.whatwg).
(function (natives, runtime) {
  var URL = typeof globalThis.URL === 'function' ? globalThis.URL : natives.whatwg.URL;
  var URLSearchParams = typeof globalThis.URLSearchParams === 'function' ? globalThis.URLSearchParams : natives.whatwg.URLSearchParams;
  var querystring = natives.querystring;
  var path = natives.path;

  function codeError(Ctor, code, message) {
    var e = new Ctor(message);
    e.code = code;
    Object.defineProperty(e, 'toString', {
      value: function () { return this.name + ' [' + code + ']: ' + this.message; },
      writable: true, configurable: true
    });
    return e;
  }

  function describe(v) {
    if (v == null) return String(v);
    if (typeof v === 'function') return 'function ' + v.name;
    if (typeof v === 'object') return 'an instance of ' + ((v.constructor && v.constructor.name) || 'Object');
    var s = typeof v === 'string' ? "'" + v + "'" : String(v);
    if (s.length > 28) s = s.slice(0, 25) + '...';
    return 'type ' + typeof v + ' (' + s + ')';
  }

  var slashedProtocol = { 'http': 1, 'http:': 1, 'https': 1, 'https:': 1, 'ftp': 1, 'ftp:': 1, 'gopher': 1,
    'gopher:': 1, 'file': 1, 'file:': 1, 'ws': 1, 'ws:': 1, 'wss': 1, 'wss:': 1 };
  var hostlessProtocol = { 'javascript': 1, 'javascript:': 1 };
  var unsafeProtocol = hostlessProtocol;
  var autoEscape = { '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C',
    '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };
  var nonHostChars = '\t\n\r "%\';<>\\^`{|}';

  function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }

  function isValidHostChar(c) {
    return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45 ||
      c === 43 || c === 95 || c > 127;
  }

  Url.prototype.parse = function (url, parseQueryString, slashesDenoteHost) {
    if (typeof url !== 'string') {
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "url" argument must be of type string. Received ' + describe(url));
    }
    var rest = url.replace(/^[\s\uFEFF\xA0]+|[\s\uFEFF\xA0]+$/g, '');
    // Backslashes before the query or hash are slashes.
    var cut = rest.search(/[?#]/);
    if (cut < 0) cut = rest.length;
    rest = rest.slice(0, cut).replace(/\\/g, '/') + rest.slice(cut);

    if (!slashesDenoteHost) {
      var simple = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/.exec(rest);
      if (simple) {
        this.path = rest;
        this.href = rest;
        this.pathname = simple[1];
        if (simple[2]) {
          this.search = simple[2];
          this.query = parseQueryString ? querystring.parse(this.search.slice(1)) : this.search.slice(1);
        } else if (parseQueryString) {
          this.search = null;
          this.query = Object.create(null);
        }
        return this;
      }
    }

    var proto = /^[a-z0-9.+-]+:/i.exec(rest);
    var lowerProto = '';
    if (proto) {
      proto = proto[0];
      lowerProto = proto.toLowerCase();
      this.protocol = lowerProto;
      rest = rest.slice(proto.length);
    }

    var slashes;
    if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
      slashes = rest.charCodeAt(0) === 47 && rest.charCodeAt(1) === 47;
      if (slashes && !(proto && hostlessProtocol[lowerProto])) {
        rest = rest.slice(2);
        this.slashes = true;
      }
    }

    if (!hostlessProtocol[lowerProto] && (slashes || (proto && !slashedProtocol[proto]))) {
      var hostEnd = -1, atSign = -1, nonHost = -1;
      for (var i = 0; i < rest.length; ++i) {
        var ch = rest.charAt(i);
        if (nonHostChars.indexOf(ch) >= 0) {
          if (nonHost === -1) nonHost = i;
        } else if (ch === '#' || ch === '/' || ch === '?') {
          if (nonHost === -1) nonHost = i;
          hostEnd = i;
        } else if (ch === '@') {
          atSign = i;
          nonHost = -1;
        }
        if (hostEnd !== -1) break;
      }
      var start = 0;
      if (atSign !== -1) {
        this.auth = decodeURIComponent(rest.slice(0, atSign));
        start = atSign + 1;
      }
      if (nonHost === -1) {
        this.host = rest.slice(start);
        rest = '';
      } else {
        this.host = rest.slice(start, nonHost);
        rest = rest.slice(nonHost);
      }
      this.parseHost();
      if (typeof this.hostname !== 'string') this.hostname = '';
      var hostname = this.hostname;
      var ipv6 = hostname.charCodeAt(0) === 91 && hostname.charCodeAt(hostname.length - 1) === 93;
      if (!ipv6) {
        for (var j = 0; j < hostname.length; j++) {
          if (!isValidHostChar(hostname.charCodeAt(j))) {
            this.hostname = hostname.slice(0, j);
            rest = '/' + hostname.slice(j) + rest;
            break;
          }
        }
      }
      if (this.hostname.length > 255) this.hostname = '';
      else this.hostname = this.hostname.toLowerCase();
      if (this.hostname !== '' && !ipv6 && /[^\x00-\x7f]/.test(this.hostname)) {
        this.hostname = natives.whatwg.domainToASCII(this.hostname);
      }
      this.host = (this.hostname || '') + (this.port ? ':' + this.port : '');
      if (ipv6) {
        this.hostname = this.hostname.slice(1, -1);
        if (rest[0] !== '/') rest = '/' + rest;
      }
    }

    if (!unsafeProtocol[lowerProto]) {
      rest = rest.replace(/[\t\n\r "'<>\\^`{|}]/g, function (c) { return autoEscape[c]; });
    }

    var questionIdx = -1, hashIdx = -1;
    for (var k = 0; k < rest.length; ++k) {
      var c = rest.charAt(k);
      if (c === '#') {
        this.hash = rest.slice(k);
        hashIdx = k;
        break;
      } else if (c === '?' && questionIdx === -1) {
        questionIdx = k;
      }
    }
    if (questionIdx !== -1) {
      if (hashIdx === -1) {
        this.search = rest.slice(questionIdx);
        this.query = rest.slice(questionIdx + 1);
      } else {
        this.search = rest.slice(questionIdx, hashIdx);
        this.query = rest.slice(questionIdx + 1, hashIdx);
      }
      if (parseQueryString) this.query = querystring.parse(this.query);
    } else if (parseQueryString) {
      this.search = null;
      this.query = Object.create(null);
    }
    var useQuestion = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx);
    var firstIdx = useQuestion ? questionIdx : hashIdx;
    if (firstIdx === -1) {
      if (rest.length > 0) this.pathname = rest;
    } else if (firstIdx > 0) {
      this.pathname = rest.slice(0, firstIdx);
    }
    if (slashedProtocol[lowerProto] && this.hostname && !this.pathname) this.pathname = '/';
    if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
    this.href = this.format();
    return this;
  };

  Url.prototype.parseHost = function () {
    var host = this.host;
    var port = /:[0-9]*$/.exec(host);
    if (port) {
      port = port[0];
      if (port !== ':') this.port = port.slice(1);
      host = host.slice(0, host.length - port.length);
    }
    if (host) this.hostname = host;
  };

  Url.prototype.format = function () {
    var auth = this.auth || '';
    if (auth) auth = encodeURIComponent(auth).replace(/%3A/i, ':') + '@';
    var protocol = this.protocol || '';
    var pathname = this.pathname || '';
    var hash = this.hash || '';
    var host = '';
    var query = '';
    if (this.host) {
      host = auth + this.host;
    } else if (this.hostname) {
      host = auth + (this.hostname.indexOf(':') >= 0 && !(this.hostname[0] === '[') ? '[' + this.hostname + ']' : this.hostname);
      if (this.port) host += ':' + this.port;
    }
    if (this.query !== null && typeof this.query === 'object') query = querystring.stringify(this.query);
    var search = this.search || (query && ('?' + query)) || '';
    if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58) protocol += ':';
    pathname = pathname.replace(/[#?]/g, function (c) { return c === '#' ? '%23' : '%3F'; });
    if (this.slashes || slashedProtocol[protocol]) {
      if (this.slashes || host) {
        if (pathname && pathname.charCodeAt(0) !== 47) pathname = '/' + pathname;
        host = '//' + host;
      } else if (protocol.length >= 4 && protocol.slice(0, 4).toLowerCase() === 'file') {
        host = '//';
      }
    }
    search = search.replace(/#/g, '%23');
    if (hash && hash.charCodeAt(0) !== 35) hash = '#' + hash;
    if (search && search.charCodeAt(0) !== 63) search = '?' + search;
    return protocol + host + pathname + search + hash;
  };

  Url.prototype.resolve = function (relative) { return resolve(this.format(), relative); };

  function urlParse(url, parseQueryString, slashesDenoteHost) {
    if (url instanceof Url) return url;
    var u = new Url();
    u.parse(url, parseQueryString, slashesDenoteHost);
    return u;
  }

  function urlFormat(obj, options) {
    if (typeof obj === 'string') {
      obj = urlParse(obj);
    } else if (typeof obj !== 'object' || obj === null) {
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        'The "urlObject" argument must be one of type object or string. Received ' + describe(obj));
    } else if (obj instanceof URL) {
      var fragment = true, unicode = false, search = true, auth = true;
      if (options) {
        if (options.fragment !== undefined) fragment = !!options.fragment;
        if (options.unicode !== undefined) unicode = !!options.unicode;
        if (options.search !== undefined) search = !!options.search;
        if (options.auth !== undefined) auth = !!options.auth;
      }
      var ret = obj.protocol;
      if (obj.host) {
        ret += '//';
        if (auth && (obj.username || obj.password)) {
          ret += obj.username;
          if (obj.password) ret += ':' + obj.password;
          ret += '@';
        }
        ret += unicode ? natives.whatwg.domainToUnicode(obj.hostname) + (obj.port ? ':' + obj.port : '') : obj.host;
      } else if (obj.protocol === 'file:') {
        ret += '//';
      }
      ret += obj.pathname;
      if (search) ret += obj.search;
      if (fragment) ret += obj.hash;
      return ret;
    }
    return Url.prototype.format.call(obj);
  }

  // removeDots resolves . and .. segments of a path, keeping a trailing slash they imply;
  // .. above the top of an absolute path is dropped.
  function removeDots(p) {
    var abs = p.charAt(0) === '/';
    var segs = p.split('/');
    if (abs) segs.shift();
    var out = [];
    var trailing = false;
    for (var i = 0; i < segs.length; i++) {
      var seg = segs[i];
      var last = i === segs.length - 1;
      if (seg === '.' || seg === '..') {
        if (seg === '..') {
          if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
          else if (!abs) out.push('..');
        }
        if (last) trailing = true;
      } else if (seg === '' && !last) {
        out.push('');
      } else {
        out.push(seg);
      }
    }
    var r = (abs ? '/' : '') + out.join('/');
    if (trailing && r.charAt(r.length - 1) !== '/' && out.length > 0) r += '/';
    return r;
  }

  function resolve(source, relative) {
    var rel = urlParse(relative, false, true);
    if (rel.protocol) return urlFormat(rel);
    var base = urlParse(source, false, true);
    if (rel.host || /^\/\//.test(relative)) {
      var abs = urlParse((base.protocol || '') + relative, false, true);
      return urlFormat(abs);
    }
    var out = new Url();
    out.protocol = base.protocol;
    out.slashes = base.slashes;
    out.auth = base.auth;
    out.host = base.host;
    out.hostname = base.hostname;
    out.port = base.port;
    var relPath = rel.pathname || '';
    if (relPath === '') {
      out.pathname = base.pathname;
      out.search = rel.search !== null ? rel.search : base.search;
    } else {
      var p;
      if (relPath.charAt(0) === '/') {
        p = relPath;
      } else {
        var bp = base.pathname || (base.host ? '/' : '');
        p = bp.slice(0, bp.lastIndexOf('/') + 1) + relPath;
      }
      out.pathname = removeDots(p);
      out.search = rel.search;
    }
    out.hash = rel.hash;
    return out.format();
  }

  function fileURLToPath(u) {
    if (typeof u === 'string') u = new URL(u);
    else if (!(u instanceof URL)) {
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "path" argument must be of type string or an instance of URL. Received ' + describe(u));
    }
    if (u.protocol !== 'file:') throw codeError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    if (u.hostname !== '') {
      throw codeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
    }
    var pathname = u.pathname;
    for (var n = 0; n < pathname.length; n++) {
      if (pathname[n] === '%') {
        var third = pathname.codePointAt(n + 2) | 0x20;
        if (pathname[n + 1] === '2' && third === 102) {
          throw codeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
        }
      }
    }
    return decodeURIComponent(pathname);
  }

  function pathToFileURL(filepath) {
    if (typeof filepath !== 'string') {
      throw codeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'The "path" argument must be of type string. Received ' + describe(filepath));
    }
    var resolved = path.resolve(filepath);
    if (filepath.charCodeAt(filepath.length - 1) === 47 && resolved[resolved.length - 1] !== '/') resolved += '/';
    var encoded = '';
    for (var i = 0; i < resolved.length; i++) {
      var c = resolved.charAt(i);
      if (c === '%') encoded += '%25';
      else if (c === '\\') encoded += '%5C';
      else if (c === '\n') encoded += '%0A';
      else if (c === '\r') encoded += '%0D';
      else if (c === '\t') encoded += '%09';
      else if (c === '#') encoded += '%23';
      else if (c === '?') encoded += '%3F';
      else encoded += c;
    }
    return new URL('file://' + encoded);
  }

  function urlToHttpOptions(u) {
    var options = {
      protocol: u.protocol,
      hostname: typeof u.hostname === 'string' && u.hostname.charAt(0) === '[' ? u.hostname.slice(1, -1) : u.hostname,
      hash: u.hash,
      search: u.search,
      pathname: u.pathname,
      path: (u.pathname || '') + (u.search || ''),
      href: u.href
    };
    if (u.port !== '') options.port = Number(u.port);
    if (u.username || u.password) options.auth = decodeURIComponent(u.username) + ':' + decodeURIComponent(u.password);
    return options;
  }

  return {
    exports: {
      Url: Url,
      parse: urlParse,
      resolve: resolve,
      resolveObject: function (source, relative) { return urlParse(resolve(source, relative)); },
      format: urlFormat,
      URL: URL,
      URLSearchParams: URLSearchParams,
      domainToASCII: natives.whatwg.domainToASCII,
      domainToUnicode: natives.whatwg.domainToUnicode,
      pathToFileURL: pathToFileURL,
      fileURLToPath: fileURLToPath,
      urlToHttpOptions: urlToHttpOptions
    }
  };
})
