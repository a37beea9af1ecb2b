package http

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/dop251/goja"

	"earlynode/loop"
	"earlynode/runtime"
)

// MaxCatBytes bounds what node.http.cat reads into memory.
const MaxCatBytes = 256 << 20

// catClient fetches for node.http.cat. Connections are not kept alive: an idle one would hold
// open a connection of a server in this very process and keep its loop from ending.
var catClient = &http.Client{
	Timeout:   2 * time.Minute,
	Transport: &http.Transport{DisableKeepAlives: true, Proxy: nil},
}

// httpCat is node.http.cat(url, encoding="utf8"): a promise of the whole body, failing on a
// connection error and on a status other than 2xx. A URL without a path means "/".
func (m *module) httpCat(c goja.FunctionCall) goja.Value {
	url := c.Argument(0).String()
	enc, err := runtime.ParseEncoding(c.Argument(1), runtime.UTF8)
	if err != nil {
		m.throw("node.http.cat", err.Error())
	}
	p := m.rt.NewPromise()
	m.rt.Loop.Go(func() loop.Callback {
		body, status, err := fetch(url)
		return func() error {
			if err != nil {
				e := m.errorValue("node.http.cat(" + strconv.Quote(url) + "): " + err.Error())
				if status != 0 {
					e.Set("statusCode", status)
				}
				return m.rt.Reject(p, e)
			}
			return m.rt.Resolve(p, m.rt.ValueOf(body, enc))
		}
	})
	return p
}

// fetch GETs url and returns the body; status is set when the server answered.
func fetch(url string) (body []byte, status int, err error) {
	resp, err := catClient.Get(url)
	if err != nil {
		return nil, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, resp.StatusCode, fmt.Errorf("HTTP status %s", resp.Status)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, MaxCatBytes+1))
	if err != nil {
		return nil, resp.StatusCode, err
	}
	if len(body) > MaxCatBytes {
		return nil, resp.StatusCode, fmt.Errorf("body larger than %d bytes", MaxCatBytes)
	}
	return body, resp.StatusCode, nil
}

// nodeCat is node.cat(location, encoding): http:// (and https://) locations go to
// node.http.cat, everything else to node.fs.cat.
func (m *module) nodeCat(c goja.FunctionCall) goja.Value {
	loc := c.Argument(0).String()
	if isHTTPLocation(loc) {
		return m.httpCat(c)
	}
	if fs, ok := m.rt.Node().Get("fs").(*goja.Object); ok {
		if cat, ok := goja.AssertFunction(fs.Get("cat")); ok {
			v, err := cat(fs, c.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		}
	}
	panic(m.rt.NewError("node.cat(" + strconv.Quote(loc) + "): node.fs.cat is not available"))
}

// parseEncodingOr reads a send encoding: "ascii" unless given.
func parseEncodingOr(m *module, v goja.Value, method string) (runtime.Encoding, error) {
	return runtime.ParseEncoding(v, runtime.ASCII)
}
