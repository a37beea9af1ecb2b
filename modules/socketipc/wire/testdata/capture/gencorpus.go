// Writes seed corpora (go test fuzz v1 files) for the IPC wire fuzz targets of
// socketipc/wire, socketipc/wire/jsonframe and nodeipc/wire
// from the golden files captured from the real libraries.
// Run (in modules/): go run socketipc/wire/testdata/capture/gencorpus.go
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

const root = "."

func lines(path string) []map[string]any {
	f, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	var out []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			panic(err)
		}
		out = append(out, m)
	}
	return out
}

func b(x []byte) string { return "[]byte(" + strconv.Quote(string(x)) + ")" }
func s(x string) string { return "string(" + strconv.Quote(x) + ")" }
func u8(x uint8) string { return fmt.Sprintf("byte(%q)", rune(x)) }
func bl(x bool) string  { return fmt.Sprintf("bool(%v)", x) }

var written = map[string]int{}

func write(dir, target string, vals ...string) {
	body := "go test fuzz v1\n" + strings.Join(vals, "\n") + "\n"
	sum := sha256.Sum256([]byte(body))
	p := filepath.Join(root, dir, "testdata/fuzz", target, "seed-"+hex.EncodeToString(sum[:8]))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		panic(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		panic(err)
	}
	written[dir+" "+target]++
}

func chunks(m map[string]any) (data, sizes []byte) {
	for _, c := range m["chunks"].([]any) {
		x, _ := hex.DecodeString(c.(string))
		data = append(data, x...)
		if len(x) > 0 {
			sizes = append(sizes, byte(min(len(x)-1, 255)))
		}
	}
	return
}

func main() {
	sj := "socketipc/wire/jsonframe"
	for _, m := range lines(root + "/" + sj + "/testdata/parse.golden.jsonl") {
		if t, ok := m["text"].(string); ok {
			write(sj, "FuzzValidate", b([]byte(t)))
			write(sj, "FuzzObjectMembers", b([]byte(t)))
		}
	}
	for _, m := range lines(root + "/" + sj + "/testdata/utf8.golden.jsonl") {
		x, _ := hex.DecodeString(m["in"].(string))
		write(sj, "FuzzAppendWellFormedUTF8", b(x))
	}
	for i, m := range lines(root + "/" + sj + "/testdata/quote.golden.jsonl") {
		if i%64 == 0 {
			write(sj, "FuzzUnquote", b([]byte(m["json"].(string))))
		}
	}
	for _, m := range lines(root + "/socketipc/wire/testdata/decode.golden.jsonl") {
		data, sizes := chunks(m)
		write("socketipc/wire", "FuzzDecoder", b(data), b(sizes))
		write(sj, "FuzzSplitter", b(data), b(sizes), u8(63), bl(false))
		write(sj, "FuzzObjectMembers", b(data[:max(len(data)-2, 0)]))
	}
	for _, m := range lines(root + "/nodeipc/wire/testdata/decode.golden.jsonl") {
		data, sizes := chunks(m)
		write("nodeipc/wire", "FuzzDecoder", b(data), b(sizes))
		write(sj, "FuzzSplitter", b(data), b(sizes), u8(31), bl(true))
	}
	for _, m := range lines(root + "/nodeipc/wire/testdata/udp.golden.jsonl") {
		if d, ok := m["datagram"].(string); ok {
			x, _ := hex.DecodeString(d)
			write("nodeipc/wire", "FuzzDecodeDatagram", b(x))
		}
	}
	for _, m := range lines(root + "/nodeipc/wire/testdata/raw.golden.jsonl") {
		switch m["kind"] {
		case "encode":
			if m["encoding"] == "utf8" && m["wellFormed"] == true {
				write("nodeipc/wire", "FuzzEncodeString", s(m["string"].(string)))
			}
		case "decode":
			if m["encoding"] == "utf8" {
				data, sizes := chunks(m)
				write("nodeipc/wire", "FuzzRawDecoder", b(data), b(sizes))
			}
		}
	}
	for k, n := range written {
		fmt.Println(k, n)
	}
}
