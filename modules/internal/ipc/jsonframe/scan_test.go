package jsonframe

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"earlynode/internal/testenv"
)

// TestValidateMatchesJSONParse replays testdata/parse.golden.jsonl: texts and
// whether JSON.parse (Node 20) accepted them.
func TestValidateMatchesJSONParse(t *testing.T) {
	type deep struct {
		Open       string `json:"open"`
		Depth      int    `json:"depth"`
		Middle     string `json:"middle"`
		Close      string `json:"close"`
		CloseDepth int    `json:"closeDepth"`
	}
	type entry struct {
		Text  *string `json:"text"`
		Deep  *deep   `json:"deep"`
		Valid bool    `json:"valid"`
	}
	for _, e := range testenv.ReadGoldenJSONL[entry](t, "testdata/parse.golden.jsonl") {
		var text string
		if e.Text != nil {
			text = *e.Text
		} else {
			d := e.Deep
			text = strings.Repeat(d.Open, d.Depth) + d.Middle + strings.Repeat(d.Close, d.CloseDepth)
		}
		err := Validate([]byte(text))
		if (err == nil) != e.Valid {
			t.Errorf("Validate(%.60q) = %v, JSON.parse accepts it: %v", text, err, e.Valid)
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(text) {
				t.Errorf("Validate(%.60q) error %#v is not a *SyntaxError with an offset in the text", text, err)
			}
		}
	}
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		text    string
		offset  int
		problem string
	}{
		{``, 0, "unexpected end of JSON input"},
		{`garbage`, 0, "unexpected token 'g'"},
		{`{"a":1}x`, 7, "unexpected 'x' after the JSON value"},
		{`{'a':1}`, 1, "expected a double-quoted property name or '}'"},
		{`{"a" 1}`, 5, "expected ':' after a property name"},
		{`{"a":1 "b":2}`, 7, "expected ',' or '}' after a property value"},
		{`[1 2]`, 3, "expected ',' or ']' after an array element"},
		{`[1,]`, 3, "unexpected token ']'"},
		{`"a` + "\t" + `"`, 2, "bad control character in string"},
		{`"\x"`, 2, "bad escaped character"},
		{`"\u12g4"`, 5, "bad \\u escape"},
		{`"abc`, 4, "unterminated string"},
		{`-`, 1, "no number after minus sign"},
		{`1.`, 2, "unterminated fractional number"},
		{`1e+`, 3, "exponent part is missing a number"},
		{`tru`, 3, "unexpected end of JSON input"},
		{`nul1`, 3, "unexpected token '1'"},
		{"\u00a01", 0, `unexpected token '\u00a0'`},
		{"\xff", 0, "unexpected token U+FFFD"},
	}
	for _, tt := range tests {
		err := Validate([]byte(tt.text))
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Validate(%q) = %v, want a *SyntaxError", tt.text, err)
			continue
		}
		if se.Offset != tt.offset || se.Problem != tt.problem {
			t.Errorf("Validate(%q) = {%d %q}, want {%d %q}", tt.text, se.Offset, se.Problem, tt.offset, tt.problem)
		}
	}
}

// FuzzValidate compares Validate with encoding/json.Valid, which implements
// the same grammar but stops at a nesting depth of 10000.
func FuzzValidate(f *testing.F) {
	for _, s := range []string{`{"topic":"a","message":[1,2,{"x":null}]}`, `[1,]`, `"\ud800"`, `-0.5e+3`, `{"a":1}}`, ` 1 `, `[[[[`, "\"\xff\""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		ours := Validate(text) == nil
		theirs := json.Valid(text)
		if ours != theirs && !(ours && strings.Count(string(text), "[")+strings.Count(string(text), "{") > 10000) {
			t.Fatalf("Validate(%q) = %v, json.Valid = %v", text, ours, theirs)
		}
	})
}

func BenchmarkValidate(b *testing.B) {
	text := []byte(`{"topic":"spam","message":{"id":12345,"name":"a typical message","tags":["a","b","c"],"ok":true,"ratio":0.25}}`)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if err := Validate(text); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodingJSONValid(b *testing.B) {
	text := []byte(`{"topic":"spam","message":{"id":12345,"name":"a typical message","tags":["a","b","c"],"ok":true,"ratio":0.25}}`)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if !json.Valid(text) {
			b.Fatal("invalid")
		}
	}
}
