package wire

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var writeSeeds = flag.Bool("write-seeds", false, "rewrite the fuzz seed corpora under testdata/fuzz from the test tables")

// fuzzMethods are the request methods a response fuzz input may answer.
var fuzzMethods = []string{"GET", "HEAD", "CONNECT", "POST"}

// checkSplitInvariance parses input whole and in two other splits, with
// and without an end of input, and requires the same outcome each time.
func checkSplitInvariance(t *testing.T, response bool, method string, input []byte) {
	newParser := func() *Parser {
		if response {
			return NewResponseParser(Limits{MaxHeaderBytes: 512})
		}
		return NewRequestParser(Limits{MaxHeaderBytes: 512})
	}
	for _, eof := range []bool{false, true} {
		whole := run(t, newParser(), method, input, nil, eof)
		for _, sizes := range [][]int{{1}, {3, 1, 7}} {
			split := run(t, newParser(), method, input, sizes, eof)
			if !reflect.DeepEqual(whole, split) {
				t.Fatalf("eof=%v, pieces %v differ from whole input:\nwhole %s\nsplit %s", eof, sizes, whole, split)
			}
		}
		body := 0
		for _, m := range whole.Messages {
			body += len(m.Body)
		}
		if body > len(input) {
			t.Fatalf("reported %d body bytes from %d bytes of input", body, len(input))
		}
	}
}

func FuzzRequestParser(f *testing.F) {
	f.Fuzz(func(t *testing.T, input []byte) {
		checkSplitInvariance(t, false, "", input)
	})
}

func FuzzResponseParser(f *testing.F) {
	f.Fuzz(func(t *testing.T, input []byte, method uint8) {
		checkSplitInvariance(t, true, fuzzMethods[int(method)%len(fuzzMethods)], input)
	})
}

func FuzzParseURI(f *testing.F) {
	f.Fuzz(func(t *testing.T, s string) {
		u := ParseURI(s)
		switch {
		case u.Source != s:
			t.Fatalf("Source %q", u.Source)
		case u.Path != u.Directory+u.File:
			t.Fatalf("Path %q is not Directory %q + File %q", u.Path, u.Directory, u.File)
		case !strings.HasSuffix(s, u.Relative) || !strings.HasPrefix(u.Relative, u.Path):
			t.Fatalf("Relative %q, Path %q of %q", u.Relative, u.Path, s)
		case u.Query != "" && !strings.Contains(u.Relative, "?"+u.Query):
			t.Fatalf("Query %q not in Relative %q", u.Query, u.Relative)
		case len(u.Params) > strings.Count(u.Query, "&")+1:
			t.Fatalf("%d params from query %q", len(u.Params), u.Query)
		case u.Host != "" && !strings.Contains(u.Authority, u.Host):
			t.Fatalf("Host %q not in Authority %q", u.Host, u.Authority)
		}
		for _, p := range u.Params {
			if p.Name == "" {
				t.Fatalf("empty param name from %q", u.Query)
			}
		}
	})
}

// TestWriteFuzzSeeds rewrites the seed corpora from the test tables when
// run with -write-seeds; otherwise it checks that each corpus exists.
func TestWriteFuzzSeeds(t *testing.T) {
	type seed struct {
		target string
		values []any
	}
	var seeds []seed
	add := func(target string, values ...any) { seeds = append(seeds, seed{target, values}) }
	for _, c := range requestCases {
		add("FuzzRequestParser", []byte(c.input))
	}
	for _, c := range responseCases {
		m := 0
		for i, name := range fuzzMethods {
			if name == c.method {
				m = i
			}
		}
		add("FuzzResponseParser", []byte(c.input), uint8(m))
	}
	for _, c := range badInputs {
		if len(c.input) > 4096 {
			continue
		}
		if c.response {
			add("FuzzResponseParser", []byte(c.input), uint8(0))
		} else {
			add("FuzzRequestParser", []byte(c.input))
		}
	}
	for _, c := range uriCases {
		add("FuzzParseURI", c.in)
	}
	if !*writeSeeds {
		for _, target := range []string{"FuzzRequestParser", "FuzzResponseParser", "FuzzParseURI"} {
			entries, err := os.ReadDir(filepath.Join("testdata", "fuzz", target))
			if err != nil || len(entries) == 0 {
				t.Errorf("no seed corpus for %s (run with -write-seeds): %v", target, err)
			}
		}
		return
	}
	for _, s := range seeds {
		var b strings.Builder
		b.WriteString("go test fuzz v1\n")
		for _, v := range s.values {
			switch v := v.(type) {
			case []byte:
				fmt.Fprintf(&b, "[]byte(%q)\n", v)
			case uint8:
				fmt.Fprintf(&b, "uint8(%d)\n", v)
			case string:
				fmt.Fprintf(&b, "string(%q)\n", v)
			}
		}
		dir := filepath.Join("testdata", "fuzz", s.target)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("seed-%x", sha256.Sum256([]byte(b.String())))[:21]
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
