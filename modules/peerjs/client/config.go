package client

import (
	"encoding/json"
	"fmt"

	"github.com/pion/webrtc/v4"
)

// ConfigFromJSON reads an RTCConfiguration as JavaScript code writes it,
// for Options.Config: {"iceServers": [{"urls": "stun:..." or [...],
// "username": "...", "credential": "..."}], ...}. The 0.x spelling "url"
// (the seed's default config) is accepted too; other keys (such as
// "sdpSemantics") are ignored. An empty iceServers list means host
// candidates only.
func ConfigFromJSON(text []byte) (*webrtc.Configuration, error) {
	var raw struct {
		ICEServers []struct {
			URLs       json.RawMessage `json:"urls"`
			URL        string          `json:"url"`
			Username   string          `json:"username"`
			Credential json.RawMessage `json:"credential"`
		} `json:"iceServers"`
	}
	if err := json.Unmarshal(text, &raw); err != nil {
		return nil, fmt.Errorf("peerjs: config: %v", err)
	}
	cfg := &webrtc.Configuration{ICEServers: []webrtc.ICEServer{}}
	for i, s := range raw.ICEServers {
		var urls []string
		switch {
		case len(s.URLs) > 0 && s.URLs[0] == '"':
			var u string
			if err := json.Unmarshal(s.URLs, &u); err != nil {
				return nil, fmt.Errorf("peerjs: config: iceServers[%d].urls: %v", i, err)
			}
			urls = []string{u}
		case len(s.URLs) > 0 && string(s.URLs) != "null":
			if err := json.Unmarshal(s.URLs, &urls); err != nil {
				return nil, fmt.Errorf("peerjs: config: iceServers[%d].urls must be a string or an array of strings", i)
			}
		case s.URL != "":
			urls = []string{s.URL}
		}
		if len(urls) == 0 {
			return nil, fmt.Errorf("peerjs: config: iceServers[%d] has no urls", i)
		}
		server := webrtc.ICEServer{URLs: urls, Username: s.Username}
		if len(s.Credential) > 0 && string(s.Credential) != "null" {
			var cred string
			if err := json.Unmarshal(s.Credential, &cred); err != nil {
				return nil, fmt.Errorf("peerjs: config: iceServers[%d].credential must be a string", i)
			}
			server.Credential = cred
		}
		cfg.ICEServers = append(cfg.ICEServers, server)
	}
	return cfg, nil
}
