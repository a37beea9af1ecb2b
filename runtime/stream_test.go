package runtime

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// runStreamScript runs src in a new runtime after setup and returns its stdout and exit code.
func runStreamScript(t *testing.T, src string, setup func(rt *Runtime)) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	rt := New(Options{Stdout: &out, Stderr: &errOut})
	if setup != nil {
		setup(rt)
	}
	code := rt.RunSource("stream_test.js", src)
	if errOut.Len() > 0 {
		t.Logf("stderr: %s", errOut.String())
	}
	return out.String(), code
}

func TestStreamJS(t *testing.T) {
	cases := []struct {
		name string
		src  string
		want string
	}{
		{"pass-through writes come out as data", `
			var s = new node.Stream();
			s.addListener("data", function (d) { puts("data " + d); });
			s.addListener("end", function () { puts("end readable=" + s.readable); });
			puts("write " + s.write("a"));
			s.end("b");
			puts("writable " + s.writable);
			try { s.write("c"); } catch (e) { puts(e.message); }`,
			"data a\nwrite true\ndata b\nend readable=false\nwritable false\nStream is not writable\n"},
		{"paused stream queues, write returns false, resume flushes then drains", `
			var s = new node.Stream();
			s.addListener("data", function (d) { puts("data " + d); });
			s.addListener("pause", function () { puts("pause"); });
			s.addListener("resume", function () { puts("resume"); });
			s.addListener("drain", function () { puts("drain"); });
			s.addListener("end", function () { puts("end"); });
			s.pause();
			puts("write " + s.write(1));
			puts("write " + s.write(2));
			s.end();
			puts("ended, paused " + s.paused);
			s.resume();`,
			"pause\nwrite false\nwrite false\nended, paused true\nresume\ndata 1\ndata 2\nend\ndrain\n"},
		{"pipe moves data, pauses on false, resumes on drain, ends the destination", `
			var src = new node.Stream(), dst = new node.Stream();
			var got = [];
			dst.addListener("data", function (d) { got.push(d); });
			dst.addListener("end", function () { puts("dst end: " + got.join(",")); });
			src.pipe(dst);
			src.write(1);
			dst.pause();
			src.write(2);
			puts("src paused " + src.paused);
			dst.resume();
			puts("src paused " + src.paused);
			src.write(3);
			src.end();`,
			"src paused true\nsrc paused false\ndst end: 1,2,3\n"},
		{"pipe destroys the destination when the source closes first", `
			var src = new node.Stream(), dst = new node.Stream();
			dst.addListener("close", function () { puts("dst close writable=" + dst.writable); });
			src.pipe(dst);
			src.destroy();
			src.destroy();`,
			"dst close writable=false\n"},
		{"pipe with end false leaves the destination open", `
			var src = new node.Stream(), dst = new node.Stream();
			src.pipe(dst, { end: false });
			src.end();
			puts("dst writable " + dst.writable);`,
			"dst writable true\n"},
		{"an array written is one data argument, not spread", `
			var s = new node.Stream();
			s.addListener("data", function (d) { puts(arguments.length + " " + JSON.stringify(d)); });
			s.write([1, 2]);
			s.pause();
			s.write([3]);
			s.resume();`,
			"1 [1,2]\n1 [3]\n"},
		{"subclass with its own constructor", `
			function Upper() { node.Stream.call(this); }
			Upper.prototype = Object.create(node.Stream.prototype);
			Upper.prototype.write = function (d) { this.emit("data", String(d).toUpperCase()); return true; };
			var u = new Upper(), dst = new node.Stream();
			dst.addListener("data", function (d) { puts(d); });
			u.pipe(dst);
			u.write("hi");
			puts(u instanceof node.EventEmitter);`,
			"HI\ntrue\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, code := runStreamScript(t, c.src, nil)
			if code != 0 || got != c.want {
				t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", code, got, c.want)
			}
		})
	}
}

// TestStreamGoSide drives a stream whose writable side is Go (a sink that fills up after two
// chunks) and whose readable side is pushed from Go, as a file stream would be.
func TestStreamGoSide(t *testing.T) {
	var written []string
	var calls []string
	src := `
		var s = makeStream();
		s.addListener("data", function (d) { puts("data " + d); if (d === "p1") s.pause(); });
		s.addListener("end", function () { puts("end"); });
		s.addListener("drain", function () { puts("drain"); });
		s.addListener("close", function () { puts("close readable=" + s.readable + " writable=" + s.writable); });
		puts("write " + s.write("w1"));
		puts("write " + s.write("w2"));
		puts(s instanceof node.Stream);
		setTimeout(function () { s.resume(); }, 20);`
	got, code := runStreamScript(t, src, func(rt *Runtime) {
		rt.VM.Set("makeStream", func(goja.FunctionCall) goja.Value {
			var ns *NodeStream
			h := rt.Loop.NewHandle()
			ns = rt.NewStream(StreamSide{
				Write: func(d goja.Value) bool {
					written = append(written, d.String())
					return len(written) < 2
				},
				Pause: func() { calls = append(calls, "pause") },
				Resume: func() {
					calls = append(calls, "resume")
					// The held data and "end" came out before the side hears resume:
					// the Go side closes the stream now.
					h.Close(func() error { return ns.Close() })
				},
			}, true, true)
			rt.Post(func() error {
				for _, v := range []string{"p1", "p2"} {
					if err := ns.Push(rt.VM.ToValue(v)); err != nil {
						return err
					}
				}
				if err := ns.PushEnd(); err != nil {
					return err
				}
				return ns.Drain()
			})
			return ns.Object
		})
	})
	// "drain" is not emitted while the program has the stream paused.
	want := "write true\nwrite false\ntrue\ndata p1\ndata p2\nend\nclose readable=false writable=false\n"
	if code != 0 || got != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", code, got, want)
	}
	if strings.Join(written, ",") != "w1,w2" || strings.Join(calls, ",") != "pause,resume" {
		t.Errorf("Go side saw writes %v and calls %v", written, calls)
	}
}
