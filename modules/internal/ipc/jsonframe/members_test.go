package jsonframe

import (
	"encoding/json"
	"testing"
)

func TestObjectMembers(t *testing.T) {
	tests := []struct {
		name          string
		text          string
		first, second string // "<nil>" for an absent member
		isObject      bool
		isNull        bool
		bad           bool
	}{
		{"both", `{"topic":"a","message":{"x":1}}`, `"a"`, `{"x":1}`, true, false, false},
		{"message absent", `{"topic":"u"}`, `"u"`, "<nil>", true, false, false},
		{"empty object", `{}`, "<nil>", "<nil>", true, false, false},
		{"whitespace", " \t{ \"topic\" :\n\"a\" , \"message\" : [ 1 , 2 ] } \r\n", `"a"`, `[ 1 , 2 ]`, true, false, false},
		{"last duplicate wins", `{"topic":"a","topic":"b","message":1,"message":2}`, `"b"`, `2`, true, false, false},
		{"escaped names", `{"\u0074opic":"a","m\u0065ssage":true}`, `"a"`, `true`, true, false, false},
		{"nested names ignored", `{"x":{"topic":"no"},"topic":"yes","y":[{"message":0}],"message":"m"}`, `"yes"`, `"m"`, true, false, false},
		{"other value kinds", `{"topic":5,"message":null}`, `5`, `null`, true, false, false},
		{"array", `[1,2]`, "<nil>", "<nil>", false, false, false},
		{"string", `"hello"`, "<nil>", "<nil>", false, false, false},
		{"null", ` null `, "<nil>", "<nil>", false, true, false},
		{"trailing garbage", `{"topic":"a"}x`, "", "", false, false, true},
		{"truncated", `{"topic":"a",`, "", "", false, false, true},
		{"bad value", `{"topic":tru}`, "", "", false, false, true},
		{"missing colon", `{"topic" "a"}`, "", "", false, false, true},
		{"unquoted name", `{topic:"a"}`, "", "", false, false, true},
		{"bad after value", `{"topic":"a" "message":1}`, "", "", false, false, true},
		{"bad scalar", `nul`, "", "", false, false, true},
		{"empty", ``, "", "", false, false, true},
	}
	show := func(b []byte) string {
		if b == nil {
			return "<nil>"
		}
		return string(b)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ObjectMembers([]byte(tt.text), "topic", "message")
			if tt.bad {
				if err == nil {
					t.Fatalf("no error for %q", tt.text)
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v for %q", err, tt.text)
			}
			if show(m.First) != tt.first || show(m.Second) != tt.second || m.IsObject != tt.isObject || m.IsNull != tt.isNull {
				t.Errorf("got {%s %s object=%v null=%v}, want {%s %s object=%v null=%v}",
					show(m.First), show(m.Second), m.IsObject, m.IsNull, tt.first, tt.second, tt.isObject, tt.isNull)
			}
		})
	}
}

// FuzzObjectMembers checks ObjectMembers against encoding/json: the same
// texts are accepted, and the members found decode to what encoding/json
// finds under those names.
func FuzzObjectMembers(f *testing.F) {
	for _, s := range []string{`{"type":"a","data":{"x":1}}`, `{"type":1,"type":2}`, `{"\u0074ype":3}`, `[]`, `null`, `{"data":[{"type":1}]}`, `{"type":"a"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		m, err := ObjectMembers(text, "type", "data")
		if (err == nil) != (Validate(text) == nil) {
			t.Fatalf("ObjectMembers error %v disagrees with Validate on %q", err, text)
		}
		if err != nil || !m.IsObject || !json.Valid(text) {
			return
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(text, &obj) != nil {
			return // keys encoding/json cannot decode (lone surrogates)
		}
		for name, got := range map[string][]byte{"type": m.First, "data": m.Second} {
			want, ok := obj[name]
			if ok != (got != nil) {
				t.Fatalf("%q: member %s present=%v, encoding/json says %v", text, name, got != nil, ok)
			}
			if ok && string(want) != string(got) {
				t.Fatalf("%q: member %s = %s, encoding/json gives %s", text, name, got, want)
			}
		}
	})
}

func BenchmarkObjectMembers(b *testing.B) {
	text := []byte(`{"topic":"spam","message":{"id":12345,"name":"a typical message","tags":["a","b","c"],"ok":true,"ratio":0.25}}`)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := ObjectMembers(text, "topic", "message"); err != nil {
			b.Fatal(err)
		}
	}
}
