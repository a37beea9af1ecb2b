package client

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pion/webrtc/v4"
)

func TestConfigFromJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []webrtc.ICEServer
		wantErr string
	}{
		{"empty list", `{"iceServers":[]}`, []webrtc.ICEServer{}, ""},
		{"no key", `{}`, []webrtc.ICEServer{}, ""},
		{"seed default", `{"iceServers":[{"url":"stun:stun.l.google.com:19302"}]}`,
			[]webrtc.ICEServer{{URLs: []string{"stun:stun.l.google.com:19302"}}}, ""},
		{"peerjs 1.5 default", `{"iceServers":[{"urls":"stun:s:1"},{"urls":["turn:a:3478","turn:b:3478"],"username":"peerjs","credential":"peerjsp"}],"sdpSemantics":"unified-plan"}`,
			[]webrtc.ICEServer{{URLs: []string{"stun:s:1"}}, {URLs: []string{"turn:a:3478", "turn:b:3478"}, Username: "peerjs", Credential: "peerjsp"}}, ""},
		{"not json", `{iceServers}`, nil, "config"},
		{"urls number", `{"iceServers":[{"urls":5}]}`, nil, "urls must be"},
		{"no urls", `{"iceServers":[{}]}`, nil, "has no urls"},
		{"credential object", `{"iceServers":[{"urls":"turn:x","credential":{}}]}`, nil, "credential must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConfigFromJSON([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.ICEServers, tt.want) {
				t.Fatalf("ICEServers = %#v", got.ICEServers)
			}
		})
	}
}
